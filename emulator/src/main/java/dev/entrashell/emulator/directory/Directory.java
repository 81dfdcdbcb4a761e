package dev.entrashell.emulator.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every tenant the emulator knows, with their applications and users. Thread-safe: the servers
 * read it while tests register more tenants and applications.
 */
public final class Directory {
    private final ConcurrentMap<String, TenantState> tenantsById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> tenantIdsByDomain = new ConcurrentHashMap<>();
    /** Each tenant's managed identities and workload credentials, made on first use. */
    private final ConcurrentMap<String, TenantWorkloads> workloadsByTenantId = new ConcurrentHashMap<>();

    /** Mutable per-tenant state; the values it holds are immutable and swapped whole. */
    private static final class TenantState {
        private final Tenant tenant;
        private final ConcurrentMap<String, AppRegistration> applications = new ConcurrentHashMap<>();
        private volatile Users users = Users.none();

        private TenantState(Tenant tenant) {
            this.tenant = tenant;
        }
    }

    public Tenant registerTenant(String tenantId, String domain, String organizationName) {
        return registerTenant(new Tenant(tenantId, organizationName, List.of(domain), Instant.now()));
    }

    /**
     * @throws IllegalArgumentException when the id or one of the domains is already registered
     */
    public synchronized Tenant registerTenant(Tenant tenant) {
        if (tenantsById.containsKey(tenant.id())) {
            throw new IllegalArgumentException("tenant already registered: " + tenant.id());
        }
        for (String domain : tenant.verifiedDomains()) {
            if (tenantIdsByDomain.containsKey(domain)) {
                throw new IllegalArgumentException("domain already verified by another tenant: " + domain);
            }
        }
        tenantsById.put(tenant.id(), new TenantState(tenant));
        tenant.verifiedDomains().forEach(domain -> tenantIdsByDomain.put(domain, tenant.id()));
        return tenant;
    }

    /**
     * The tenant's managed identities, its applications' federated credentials and trusted
     * certificate subjects, and the certificate authorities it trusts.
     *
     * @throws IllegalArgumentException when there is no such tenant
     */
    public TenantWorkloads workloads(String tenantIdOrDomain) {
        String tenantId = requireState(tenantIdOrDomain).tenant.id();
        return workloadsByTenantId.computeIfAbsent(tenantId, TenantWorkloads::new);
    }

    /** Every tenant's managed identities: the ones the emulated host may use. */
    public List<ManagedIdentity> managedIdentities() {
        return workloadsByTenantId.values().stream()
                .flatMap(workloads -> workloads.managedIdentities().stream())
                .toList();
    }

    /** Looks a tenant up by its id or one of its verified domains, ignoring case, as Entra does. */
    public Optional<Tenant> tenant(String idOrDomain) {
        return state(idOrDomain).map(state -> state.tenant);
    }

    /** Registers an application, or replaces the one with the same client id. */
    public AppRegistration registerApplication(String tenantIdOrDomain, AppRegistration application) {
        requireState(tenantIdOrDomain).applications.put(application.clientId(), application);
        return application;
    }

    public Optional<AppRegistration> application(String tenantIdOrDomain, String clientId) {
        return state(tenantIdOrDomain).map(state -> state.applications.get(clientId.toLowerCase(Locale.ROOT)));
    }

    public List<AppRegistration> applications(String tenantIdOrDomain) {
        return state(tenantIdOrDomain)
                .map(state -> List.copyOf(state.applications.values()))
                .orElse(List.of());
    }

    public void removeApplication(String tenantIdOrDomain, String clientId) {
        requireState(tenantIdOrDomain).applications.remove(clientId.toLowerCase(Locale.ROOT));
    }

    public void setUsers(String tenantIdOrDomain, List<User> users) {
        requireState(tenantIdOrDomain).users = new Users(users);
    }

    public Users users(String tenantIdOrDomain) {
        return state(tenantIdOrDomain).map(state -> state.users).orElse(Users.none());
    }

    private Optional<TenantState> state(String idOrDomain) {
        if (idOrDomain == null) {
            return Optional.empty();
        }
        String key = idOrDomain.toLowerCase(Locale.ROOT);
        TenantState byId = tenantsById.get(key);
        if (byId != null) {
            return Optional.of(byId);
        }
        String id = tenantIdsByDomain.get(key);
        return id == null ? Optional.empty() : Optional.ofNullable(tenantsById.get(id));
    }

    private TenantState requireState(String idOrDomain) {
        return state(idOrDomain).orElseThrow(() -> new IllegalArgumentException("no such tenant: " + idOrDomain));
    }
}

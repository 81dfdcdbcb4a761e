package dev.entrashell.emulator.directory;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every tenant the emulator knows, with their applications and users. Thread-safe: the servers
 * read it while tests register more tenants and applications.
 */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
public final class Directory {
    private final ConcurrentMap<String, TenantState> tenantsById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> tenantIdsByDomain = new ConcurrentHashMap<>();
    /** Each tenant's managed identities and workload credentials, made on first use. */
    private final ConcurrentMap<String, TenantWorkloads> workloadsByTenantId = new ConcurrentHashMap<>();

    /** Mutable per-tenant state: the directory objects Graph serves, which the token endpoint signs in from. */
    private static final class TenantState {
        private final Tenant tenant;
        private final TenantObjects objects;

        private TenantState(Tenant tenant) {
            this.tenant = tenant;
            this.objects = new TenantObjects(tenant.id());
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

    /**
     * Registers an application, or replaces the one with the same client id, as Graph objects: its
     * application object (with the certificates and secrets it signs in with), its service principal
     * (with {@code servicePrincipalObjectId}), and an app role assignment for each Microsoft Graph
     * role it holds. The registration itself is not kept.
     */
    public AppRegistration registerApplication(String tenantIdOrDomain, AppRegistration application) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            AppRegistrations.write(state.objects, application, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        return application;
    }

    /**
     * The app that signs in with this client id, read from Graph's objects: any application object
     * of the tenant that has a service principal, as Entra signs in any app of the tenant. It signs
     * in with the certificates and secrets of its application object that the emulator holds (the
     * seeded apps' credentials are metadata only), and with its service principal's Graph roles.
     */
    public Optional<AppRegistration> application(String tenantIdOrDomain, String clientId) {
        return state(tenantIdOrDomain).flatMap(state -> {
            try (TenantObjects.Held held = state.objects.read()) {
                return AppRegistrations.read(state.objects, clientId);
            }
        });
    }

    /** Removes the application object and the service principal with this client id. */
    public void removeApplication(String tenantIdOrDomain, String clientId) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            state.objects
                    .applicationByAppId(clientId)
                    .ifPresent(application -> state.objects.removeApplication(application.id()));
            state.objects
                    .servicePrincipalByAppId(clientId)
                    .ifPresent(principal -> state.objects.removeServicePrincipal(principal.id()));
        }
    }

    /** A snapshot of the tenant's users, in paging order. */
    public Users users(String tenantIdOrDomain) {
        return state(tenantIdOrDomain)
                .map(state -> new Users(state.objects.users()))
                .orElse(Users.none());
    }

    /**
     * Adds a client secret to an application object; the app signs in with it at once.
     *
     * @param secret the secret's value, returned once to the caller and never shown again
     * @throws IllegalArgumentException when there is no such tenant or application
     */
    public PasswordCredential addPassword(
            String tenantIdOrDomain, String applicationObjectId, String secret, PasswordCredential credential) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Application application = requireApplication(state, applicationObjectId);
            PasswordCredential added = new PasswordCredential(
                    credential.displayName(),
                    credential.endDateTime(),
                    credential.hint(),
                    credential.keyId(),
                    credential.startDateTime(),
                    secret);
            List<PasswordCredential> passwords = new ArrayList<>(application.passwordCredentials());
            passwords.add(added);
            state.objects.putApplication(application.withPasswordCredentials(passwords));
            return added;
        }
    }

    /**
     * Removes the application's client secret with this key id; it no longer signs in.
     *
     * @return false when the application has no such secret
     */
    public boolean removePassword(String tenantIdOrDomain, String applicationObjectId, String keyId) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Application application = requireApplication(state, applicationObjectId);
            List<PasswordCredential> passwords = new ArrayList<>(application.passwordCredentials());
            if (!passwords.removeIf(p -> p.keyId().equalsIgnoreCase(keyId))) {
                return false;
            }
            state.objects.putApplication(application.withPasswordCredentials(passwords));
            return true;
        }
    }

    /**
     * Replaces an application's certificate credentials, as {@code PATCH keyCredentials} does: the
     * credentials named by {@code keptKeyIds} stay, {@code added} certificates join them (once
     * each), every other one is removed. The app signs in with the new set at once.
     *
     * @throws IllegalArgumentException when there is no such tenant or application
     */
    public void replaceCertificates(
            String tenantIdOrDomain, String applicationObjectId, Set<String> keptKeyIds, List<X509Certificate> added) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Application application = requireApplication(state, applicationObjectId);
            Map<String, KeyCredential> keys = new LinkedHashMap<>();
            application.keyCredentials().stream()
                    .filter(key -> keptKeyIds.contains(key.keyId()))
                    .forEach(key -> keys.put(key.keyId(), key));
            for (X509Certificate certificate : added) {
                KeyCredential key = KeyCredential.of(application.appId(), certificate);
                keys.putIfAbsent(key.keyId(), key);
            }
            state.objects.putApplication(application.withKeyCredentials(List.copyOf(keys.values())));
        }
    }

    /** Renames an application's service principal after the application, as Entra does in its home tenant. */
    public void renameApplication(String tenantIdOrDomain, String applicationObjectId, String displayName) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Application application = requireApplication(state, applicationObjectId);
            state.objects
                    .servicePrincipalByAppId(application.appId())
                    .ifPresent(principal -> state.objects.putServicePrincipal(principal.withDisplayName(displayName)));
        }
    }

    /** Deletes an application object and its service principal: the app can no longer get tokens. */
    public boolean deleteApplication(String tenantIdOrDomain, String applicationObjectId) {
        return requireState(tenantIdOrDomain).objects.removeApplication(applicationObjectId);
    }

    /**
     * The tenant's directory objects and their relationships, as Graph serves them (live, not a
     * snapshot).
     *
     * @throws IllegalArgumentException when there is no such tenant
     */
    public TenantObjects objects(String tenantIdOrDomain) {
        return requireState(tenantIdOrDomain).objects;
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

    private static Application requireApplication(TenantState state, String applicationObjectId) {
        return state.objects
                .application(applicationObjectId)
                .orElseThrow(() -> new IllegalArgumentException("no such application: " + applicationObjectId));
    }

    private TenantState requireState(String idOrDomain) {
        return state(idOrDomain).orElseThrow(() -> new IllegalArgumentException("no such tenant: " + idOrDomain));
    }
}

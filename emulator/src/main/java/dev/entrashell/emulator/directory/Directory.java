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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.entrashell.emulator.tls.Thumbprints;

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

    /** Mutable per-tenant state: registrations for the token endpoint, directory objects for Graph. */
    private static final class TenantState {
        private final Tenant tenant;
        private final ConcurrentMap<String, AppRegistration> applications = new ConcurrentHashMap<>();
        /**
         * Secrets added through Graph to applications that are not registered here (the seeded
         * ones), by app id then key id: they sign in with them, as on Entra.
         */
        private final ConcurrentMap<String, Map<String, String>> graphOnlySecrets = new ConcurrentHashMap<>();

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
     * Registers an application, or replaces the one with the same client id. Graph then serves it
     * too: its application object, its service principal (with {@code servicePrincipalObjectId}),
     * their credentials, and an app role assignment for each Microsoft Graph role it holds.
     */
    public AppRegistration registerApplication(String tenantIdOrDomain, AppRegistration application) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            state.applications.put(application.clientId(), application);
            state.objects.registrations().sync(application, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        return application;
    }

    /**
     * The app that signs in with this client id: a registration, or else an application object with
     * a service principal that only Graph knows (the seeded apps), as Entra signs in any app of the
     * tenant. Such an app has no certificate whose key the emulator holds; it signs in with the
     * secrets added to it through Graph, and with its service principal's Graph roles.
     */
    public Optional<AppRegistration> application(String tenantIdOrDomain, String clientId) {
        return state(tenantIdOrDomain).flatMap(state -> {
            AppRegistration registered = state.applications.get(clientId.toLowerCase(Locale.ROOT));
            return registered != null ? Optional.of(registered) : graphOnlyApplication(state, clientId);
        });
    }

    private static Optional<AppRegistration> graphOnlyApplication(TenantState state, String clientId) {
        if (!Guids.isGuid(clientId)) {
            return Optional.empty();
        }
        try (TenantObjects.Held held = state.objects.read()) {
            Optional<Application> application = state.objects.applicationByAppId(clientId);
            Optional<ServicePrincipal> principal = state.objects.servicePrincipalByAppId(clientId);
            if (application.isEmpty() || principal.isEmpty()) {
                return Optional.empty();
            }
            Set<String> roles = new TreeSet<>();
            for (AppRoleAssignment assignment :
                    state.objects.appRoleAssignments(principal.get().id())) {
                FirstPartyApis.MICROSOFT_GRAPH_ROLES.stream()
                        .filter(role -> role.id().equals(assignment.appRoleId()))
                        .forEach(role -> roles.add(role.value()));
            }
            List<String> secrets = List.copyOf(state.graphOnlySecrets
                    .getOrDefault(application.get().appId().toLowerCase(Locale.ROOT), Map.of())
                    .values());
            return Optional.of(new AppRegistration(
                    application.get().appId(),
                    principal.get().id(),
                    application.get().displayName(),
                    List.of(),
                    secrets,
                    roles));
        }
    }

    public List<AppRegistration> applications(String tenantIdOrDomain) {
        return state(tenantIdOrDomain)
                .map(state -> List.copyOf(state.applications.values()))
                .orElse(List.of());
    }

    /** Removes the registration, and from Graph the application object and service principal. */
    public void removeApplication(String tenantIdOrDomain, String clientId) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            state.applications.remove(clientId.toLowerCase(Locale.ROOT));
            state.objects.registrations().remove(clientId);
        }
    }

    /** A snapshot of the tenant's users, in paging order. */
    public Users users(String tenantIdOrDomain) {
        return state(tenantIdOrDomain)
                .map(state -> new Users(state.objects.users()))
                .orElse(Users.none());
    }

    /**
     * Adds a client secret to an application object. When the application is registered here (it
     * can get tokens), the secret works at the token endpoint at once.
     *
     * @param secret the secret's value, returned once to the caller and never shown again
     * @throws IllegalArgumentException when there is no such tenant or application
     */
    public PasswordCredential addPassword(
            String tenantIdOrDomain, String applicationObjectId, String secret, PasswordCredential credential) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Application application = state.objects
                    .application(applicationObjectId)
                    .orElseThrow(() -> new IllegalArgumentException("no such application: " + applicationObjectId));
            AppRegistration registration = state.applications.get(application.appId());
            if (registration != null) {
                state.objects.registrations().describeSecret(application.appId(), secret, credential);
                List<String> secrets = new ArrayList<>(registration.secrets());
                secrets.add(secret);
                registerApplication(tenantIdOrDomain, registration.withSecrets(secrets));
            } else {
                List<PasswordCredential> passwords = new ArrayList<>(application.passwordCredentials());
                passwords.add(credential);
                state.objects.putApplication(application.withPasswordCredentials(passwords));
                state.graphOnlySecrets
                        .computeIfAbsent(application.appId().toLowerCase(Locale.ROOT), id -> new ConcurrentHashMap<>())
                        .put(credential.keyId().toLowerCase(Locale.ROOT), secret);
            }
            return credential;
        }
    }

    /**
     * Removes the application's client secret with this key id (from the registration too).
     *
     * @return false when the application has no such secret
     */
    public boolean removePassword(String tenantIdOrDomain, String applicationObjectId, String keyId) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Application application = state.objects
                    .application(applicationObjectId)
                    .orElseThrow(() -> new IllegalArgumentException("no such application: " + applicationObjectId));
            AppRegistration registration = state.applications.get(application.appId());
            Optional<String> secret = state.objects.registrations().secretWithKeyId(application.appId(), keyId);
            if (registration != null && secret.isPresent()) {
                List<String> secrets = new ArrayList<>(registration.secrets());
                secrets.remove(secret.get());
                registerApplication(tenantIdOrDomain, registration.withSecrets(secrets));
                return true;
            }
            List<PasswordCredential> passwords = new ArrayList<>(application.passwordCredentials());
            if (!passwords.removeIf(p -> p.keyId().equalsIgnoreCase(keyId))) {
                return false;
            }
            state.graphOnlySecrets
                    .getOrDefault(application.appId().toLowerCase(Locale.ROOT), new ConcurrentHashMap<>())
                    .remove(keyId.toLowerCase(Locale.ROOT));
            state.objects.putApplication(application.withPasswordCredentials(passwords));
            return true;
        }
    }

    /**
     * Replaces an application's certificate credentials, as {@code PATCH keyCredentials} does: the
     * credentials named by {@code keptKeyIds} stay, {@code added} certificates join them, every other
     * one is removed. When the application is registered here, it signs in with the new set at once.
     *
     * @throws IllegalArgumentException when there is no such tenant or application
     */
    public void replaceCertificates(
            String tenantIdOrDomain, String applicationObjectId, Set<String> keptKeyIds, List<X509Certificate> added) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Application application = state.objects
                    .application(applicationObjectId)
                    .orElseThrow(() -> new IllegalArgumentException("no such application: " + applicationObjectId));
            String appId = application.appId();
            AppRegistration registration = state.applications.get(appId);
            if (registration != null) {
                Map<String, X509Certificate> certificates = new LinkedHashMap<>();
                for (X509Certificate certificate : registration.certificates()) {
                    if (keptKeyIds.contains(KeyCredential.of(appId, certificate).keyId())) {
                        certificates.put(Thumbprints.sha1Hex(certificate), certificate);
                    }
                }
                added.forEach(certificate -> certificates.putIfAbsent(Thumbprints.sha1Hex(certificate), certificate));
                registerApplication(
                        tenantIdOrDomain, registration.withCertificates(List.copyOf(certificates.values())));
                return;
            }
            List<KeyCredential> keys = new ArrayList<>();
            application.keyCredentials().stream()
                    .filter(key -> keptKeyIds.contains(key.keyId()))
                    .forEach(keys::add);
            added.forEach(certificate -> keys.add(KeyCredential.of(appId, certificate)));
            state.objects.putApplication(application.withKeyCredentials(keys));
        }
    }

    /** Renames an application; a registered one keeps the new name for its tokens too. */
    public void renameApplication(String tenantIdOrDomain, String applicationObjectId, String displayName) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Application application = state.objects
                    .application(applicationObjectId)
                    .orElseThrow(() -> new IllegalArgumentException("no such application: " + applicationObjectId));
            AppRegistration registration = state.applications.get(application.appId());
            if (registration != null) {
                registerApplication(
                        tenantIdOrDomain,
                        new AppRegistration(
                                registration.clientId(),
                                registration.servicePrincipalObjectId(),
                                displayName,
                                registration.certificates(),
                                registration.secrets(),
                                registration.roles()));
            }
        }
    }

    /** Deletes an application object; a registered app can no longer get tokens. */
    public boolean deleteApplication(String tenantIdOrDomain, String applicationObjectId) {
        TenantState state = requireState(tenantIdOrDomain);
        try (TenantObjects.Held held = state.objects.write()) {
            Optional<Application> application = state.objects.application(applicationObjectId);
            if (application.isEmpty()) {
                return false;
            }
            if (state.applications.containsKey(application.get().appId())) {
                removeApplication(tenantIdOrDomain, application.get().appId());
            } else {
                state.objects.removeApplication(application.get().id());
            }
            return true;
        }
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

    private TenantState requireState(String idOrDomain) {
        return state(idOrDomain).orElseThrow(() -> new IllegalArgumentException("no such tenant: " + idOrDomain));
    }
}

package dev.entrashell.emulator.directory;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applications as the token endpoint signs them in, read from and written to the tenant's Graph
 * objects, which are the only record: the application object holds the certificates (in its key
 * credentials) and the secrets (in its password credentials), the service principal is who signs
 * in, and its app role assignments on Microsoft Graph are its roles. Nothing is kept here, so a
 * change made through Graph is seen at the next sign-in.
 *
 * <p>The caller holds the tenant's lock ({@link TenantObjects#write()} to write).
 */
final class AppRegistrations {
    /** A secret registered without Graph (seeding, tests) lasts two years, as Entra's default. */
    private static final long SECRET_SECONDS = 2L * 365 * 24 * 3600;

    private AppRegistrations() {}

    /** The app that signs in with this client id: an application object that has a service principal. */
    static Optional<AppRegistration> read(TenantObjects objects, String clientId) {
        if (!Guids.isGuid(clientId)) {
            return Optional.empty();
        }
        Optional<Application> application = objects.applicationByAppId(clientId);
        Optional<ServicePrincipal> principal = objects.servicePrincipalByAppId(clientId);
        if (application.isEmpty() || principal.isEmpty()) {
            return Optional.empty();
        }
        List<X509Certificate> certificates = application.get().keyCredentials().stream()
                .map(KeyCredential::certificate)
                .filter(Objects::nonNull)
                .toList();
        List<String> secrets = application.get().passwordCredentials().stream()
                .map(PasswordCredential::secretText)
                .filter(Objects::nonNull)
                .toList();
        return Optional.of(new AppRegistration(
                application.get().appId(),
                principal.get().id(),
                application.get().displayName(),
                certificates,
                secrets,
                graphRoles(objects, principal.get())));
    }

    /**
     * Makes the Graph objects of an app match the registration: its application object and service
     * principal (created when missing), their certificate and secret credentials, and the Microsoft
     * Graph app roles granted to it. Properties set through Graph (description, tags, notes) and the
     * metadata of secrets it keeps are kept.
     */
    static void write(TenantObjects objects, AppRegistration registration, Instant now) {
        String appId = registration.clientId();
        Application existing = objects.applicationByAppId(appId).orElse(null);
        List<KeyCredential> keys = registration.certificates().stream()
                .map(certificate -> KeyCredential.of(appId, certificate))
                .toList();
        Application application = existing == null
                ? new Application(
                        Guids.fromName(objects.tenantId() + "/applications/" + appId),
                        appId,
                        registration.displayName(),
                        null,
                        "AzureADMyOrg",
                        now,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        keys,
                        passwords(existing, registration.secrets(), now))
                : new Application(
                        existing.id(),
                        appId,
                        registration.displayName(),
                        existing.description(),
                        existing.signInAudience(),
                        existing.createdDateTime(),
                        existing.publisherDomain(),
                        existing.identifierUris(),
                        existing.tags(),
                        existing.notes(),
                        keys,
                        passwords(existing, registration.secrets(), now));
        objects.putApplication(application);
        ServicePrincipal principal = writeServicePrincipal(objects, registration, application);
        writeGraphRoles(objects, principal, registration.roles(), now);
    }

    /** Each secret keeps the credential it already had (its key id and dates), or gets a new one. */
    private static List<PasswordCredential> passwords(Application existing, List<String> secrets, Instant now) {
        Map<String, PasswordCredential> known = new HashMap<>();
        if (existing != null) {
            existing.passwordCredentials().stream()
                    .filter(password -> password.secretText() != null)
                    .forEach(password -> known.put(password.secretText(), password));
        }
        List<PasswordCredential> passwords = new ArrayList<>();
        for (String secret : secrets) {
            passwords.add(known.computeIfAbsent(
                    secret,
                    s -> new PasswordCredential(
                            null,
                            now.plusSeconds(SECRET_SECONDS),
                            PasswordCredential.hint(s),
                            Guids.random(),
                            now,
                            s)));
        }
        return passwords;
    }

    private static ServicePrincipal writeServicePrincipal(
            TenantObjects objects, AppRegistration registration, Application application) {
        ServicePrincipal existing =
                objects.servicePrincipalByAppId(application.appId()).orElse(null);
        if (existing != null && !existing.id().equals(registration.servicePrincipalObjectId())) {
            objects.removeServicePrincipal(existing.id());
        }
        ServicePrincipal principal = new ServicePrincipal(
                registration.servicePrincipalObjectId(),
                application.appId(),
                registration.displayName(),
                registration.displayName(),
                objects.tenantId(),
                true,
                "Application",
                application.signInAudience(),
                List.of(application.appId()),
                existing == null ? List.of() : existing.tags(),
                List.of(),
                List.of(),
                List.of());
        objects.putServicePrincipal(principal);
        return principal;
    }

    /** Grants exactly these Microsoft Graph roles; an assignment that stays keeps its creation time. */
    private static void writeGraphRoles(
            TenantObjects objects, ServicePrincipal principal, Set<String> roleNames, Instant now) {
        Map<String, AppRoleAssignment> previous = new HashMap<>();
        objects.appRoleAssignments(principal.id()).forEach(a -> previous.put(a.appRoleId() + "|" + a.resourceId(), a));
        List<AppRoleAssignment> assignments = new ArrayList<>();
        for (String roleName : new TreeSet<>(roleNames)) {
            Optional<ServicePrincipal> graph = microsoftGraph(objects);
            if (graph.isEmpty()) {
                break; // a tenant whose Microsoft Graph was deleted grants no Graph roles
            }
            AppRole role = graphRole(objects, graph.get(), roleName);
            AppRoleAssignment old = previous.get(role.id() + "|" + graph.get().id());
            assignments.add(
                    AppRoleAssignment.of(principal, graph.get(), role, old == null ? now : old.createdDateTime()));
        }
        objects.setAppRoleAssignments(principal.id(), assignments);
    }

    /**
     * Microsoft Graph's role with this value. The emulator's Microsoft Graph lists the roles admins
     * grant most ({@link FirstPartyApis#MICROSOFT_GRAPH_ROLES}); a role granted at registration that
     * is not among them joins its app roles, with an id derived from the name (not Microsoft's).
     */
    private static AppRole graphRole(TenantObjects objects, ServicePrincipal graph, String value) {
        Optional<AppRole> defined = graph.appRoles().stream()
                .filter(role -> role.value().equalsIgnoreCase(value))
                .findFirst();
        if (defined.isPresent()) {
            return defined.get();
        }
        AppRole role = AppRole.application(
                Guids.fromName(FirstPartyApis.MICROSOFT_GRAPH_APP_ID + "/appRoles/" + value),
                value,
                value,
                "Allows the app to use " + value + " without a signed-in user.");
        List<AppRole> roles = new ArrayList<>(graph.appRoles());
        roles.add(role);
        objects.putServicePrincipal(graph.withAppRoles(roles));
        return role;
    }

    /** The values of the Microsoft Graph roles assigned to the principal. */
    private static Set<String> graphRoles(TenantObjects objects, ServicePrincipal principal) {
        Set<String> roles = new TreeSet<>();
        Optional<ServicePrincipal> graph = microsoftGraph(objects);
        if (graph.isEmpty()) {
            return roles;
        }
        for (AppRoleAssignment assignment : objects.appRoleAssignments(principal.id())) {
            if (assignment.resourceId().equalsIgnoreCase(graph.get().id())) {
                graph.get().appRoles().stream()
                        .filter(role -> role.id().equalsIgnoreCase(assignment.appRoleId()))
                        .forEach(role -> roles.add(role.value()));
            }
        }
        return roles;
    }

    private static Optional<ServicePrincipal> microsoftGraph(TenantObjects objects) {
        return objects.servicePrincipalByAppId(FirstPartyApis.MICROSOFT_GRAPH_APP_ID);
    }
}

package dev.entrashell.emulator.directory;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The token endpoint's app registrations as Graph objects: keeps a registered app's application
 * object, service principal, credentials and Microsoft Graph roles in step with its registration,
 * and remembers how Graph shows each registered secret (its metadata; the secret itself is never
 * served).
 *
 * <p>Not thread-safe: {@link TenantObjects} calls it with its write lock held (or its read lock, to
 * read).
 */
final class RegisteredApps {
    /** By client id, then by secret value. */
    private final Map<String, Map<String, PasswordCredential>> secretMetadata = new HashMap<>();

    /** What {@link TenantObjects#syncRegistration} does, called with the write lock held. */
    void sync(TenantObjects objects, AppRegistration registration, Instant now) {
        String appId = registration.clientId();
        List<KeyCredential> keys = new ArrayList<>();
        for (X509Certificate certificate : registration.certificates()) {
            keys.add(KeyCredential.of(appId, certificate));
        }
        Map<String, PasswordCredential> known = secretMetadata.computeIfAbsent(appId, k -> new LinkedHashMap<>());
        known.keySet().retainAll(new HashSet<>(registration.secrets()));
        List<PasswordCredential> passwords = new ArrayList<>();
        for (String secret : registration.secrets()) {
            passwords.add(known.computeIfAbsent(
                    secret,
                    s -> new PasswordCredential(
                            null,
                            now.plusSeconds(2L * 365 * 24 * 3600),
                            PasswordCredential.hint(s),
                            Guids.random(),
                            now)));
        }
        Application application = objects.applicationByAppId(appId).orElse(null);
        if (application == null) {
            application = new Application(
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
                    passwords);
        } else {
            application = new Application(
                    application.id(),
                    appId,
                    registration.displayName(),
                    application.description(),
                    application.signInAudience(),
                    application.createdDateTime(),
                    application.publisherDomain(),
                    application.identifierUris(),
                    application.tags(),
                    application.notes(),
                    keys,
                    passwords);
        }
        objects.putApplication(application);

        ServicePrincipal existing = objects.servicePrincipalByAppId(appId).orElse(null);
        if (existing != null && !existing.id().equals(registration.servicePrincipalObjectId())) {
            objects.removeServicePrincipal(existing.id());
        }
        ServicePrincipal principal = new ServicePrincipal(
                registration.servicePrincipalObjectId(),
                appId,
                registration.displayName(),
                registration.displayName(),
                objects.tenantId(),
                true,
                "Application",
                application.signInAudience(),
                List.of(appId),
                existing == null ? List.of() : existing.tags(),
                List.of(),
                List.of(),
                List.of());
        objects.putServicePrincipal(principal);

        ServicePrincipal graph = objects.servicePrincipalByAppId(FirstPartyApis.MICROSOFT_GRAPH_APP_ID)
                .orElse(null);
        Map<String, AppRoleAssignment> previous = new HashMap<>();
        objects.appRoleAssignments(principal.id()).forEach(a -> previous.put(a.appRoleId() + "|" + a.resourceId(), a));
        List<AppRoleAssignment> assignments = new ArrayList<>();
        for (String roleName : new TreeSet<>(registration.roles())) {
            Optional<AppRole> role = FirstPartyApis.graphRole(roleName);
            if (role.isPresent() && graph != null) {
                AppRoleAssignment old = previous.get(role.get().id() + "|" + graph.id());
                assignments.add(
                        AppRoleAssignment.of(principal, graph, role.get(), old == null ? now : old.createdDateTime()));
            }
        }
        objects.setAppRoleAssignments(principal.id(), assignments);
    }

    void forget(String clientId) {
        secretMetadata.remove(clientId.toLowerCase(Locale.ROOT));
    }

    void describeSecret(String clientId, String secret, PasswordCredential credential) {
        secretMetadata
                .computeIfAbsent(clientId.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                .put(secret, credential);
    }

    Optional<String> secretWithKeyId(String clientId, String keyId) {
        for (Map.Entry<String, PasswordCredential> entry : secretMetadata
                .getOrDefault(clientId.toLowerCase(Locale.ROOT), Map.of())
                .entrySet()) {
            if (entry.getValue().keyId().equalsIgnoreCase(keyId)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }
}

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
 * <p>Thread-safe: takes the tenant's lock ({@link TenantObjects#write()}, or {@link
 * TenantObjects#read()} to read).
 */
@SuppressWarnings("try") // try (Held held = objects.write()) holds a lock: the lock is the resource
final class RegisteredApps {
    private final TenantObjects objects;

    /** By client id, then by secret value. */
    private final Map<String, Map<String, PasswordCredential>> secretMetadata = new HashMap<>();

    RegisteredApps(TenantObjects objects) {
        this.objects = objects;
    }

    /**
     * Makes the Graph objects of a registered app match the registration: its application object
     * and service principal (created when missing), their certificate and secret credentials,
     * and the Microsoft Graph app roles granted to it. Properties set through Graph (description,
     * tags, notes) are kept.
     */
    void sync(AppRegistration registration, Instant now) {
        try (TenantObjects.Held held = objects.write()) {
            syncHeld(registration, now);
        }
    }

    /** Removes a registered app's application object and service principal. */
    void remove(String clientId) {
        try (TenantObjects.Held held = objects.write()) {
            objects.applicationByAppId(clientId).ifPresent(application -> objects.removeApplication(application.id()));
            objects.servicePrincipalByAppId(clientId)
                    .ifPresent(principal -> objects.removeServicePrincipal(principal.id()));
            forget(clientId);
        }
    }

    private void syncHeld(AppRegistration registration, Instant now) {
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

    /** Called by {@link TenantObjects} with its write lock held, when the app's application object goes. */
    void forget(String clientId) {
        secretMetadata.remove(clientId.toLowerCase(Locale.ROOT));
    }

    /** Remembers how Graph shows a registered app's secret (before the registration gets it). */
    void describeSecret(String clientId, String secret, PasswordCredential credential) {
        try (TenantObjects.Held held = objects.write()) {
            secretMetadata
                    .computeIfAbsent(clientId.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                    .put(secret, credential);
        }
    }

    /** The registered app's secret with this key id, if the app has one. */
    Optional<String> secretWithKeyId(String clientId, String keyId) {
        try (TenantObjects.Held held = objects.read()) {
            return secretWithKeyIdHeld(clientId, keyId);
        }
    }

    private Optional<String> secretWithKeyIdHeld(String clientId, String keyId) {
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

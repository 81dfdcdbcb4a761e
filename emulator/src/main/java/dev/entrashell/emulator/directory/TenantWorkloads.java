package dev.entrashell.emulator.directory;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tenant knows about workload identities beyond its app registrations: its managed
 * identities, the federated identity credentials and trusted certificate subjects (SN+I) of its
 * applications, and the certificate authorities it trusts for SN+I. Thread-safe: the servers read
 * it while tests register more. Reached through {@link Directory#workloads(String)}.
 */
public final class TenantWorkloads {
    /** Entra's limit of federated identity credentials per application. */
    public static final int MAX_FEDERATED_CREDENTIALS = 20;

    private final String tenantId;
    private final List<ManagedIdentity> managedIdentities = new ArrayList<>();
    private final Map<String, List<FederatedIdentityCredential>> federatedCredentials = new LinkedHashMap<>();
    private final Map<String, List<TrustedCertificateSubject>> trustedSubjects = new LinkedHashMap<>();
    private final Map<String, X509Certificate> trustedAuthorities = new LinkedHashMap<>();

    TenantWorkloads(String tenantId) {
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }

    /**
     * @throws IllegalArgumentException when the identity belongs to another tenant, or its client id,
     *     principal id or resource id is already taken here
     */
    public synchronized ManagedIdentity registerManagedIdentity(ManagedIdentity identity) {
        if (!identity.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException(
                    "identity of tenant " + identity.tenantId() + " registered in tenant " + tenantId);
        }
        for (ManagedIdentity existing : managedIdentities) {
            if (existing.clientId().equals(identity.clientId())
                    || existing.principalId().equals(identity.principalId())
                    || existing.hasResourceId(identity.resourceId())) {
                throw new IllegalArgumentException("a managed identity with the same ids exists: " + existing);
            }
        }
        managedIdentities.add(identity);
        return identity;
    }

    /** In registration order. */
    public synchronized List<ManagedIdentity> managedIdentities() {
        return List.copyOf(managedIdentities);
    }

    /**
     * Adds a credential as Graph's {@code POST /applications/{id}/federatedIdentityCredentials} does:
     * names are unique per application, so is the issuer and subject pair, and there are at most
     * {@value #MAX_FEDERATED_CREDENTIALS}.
     *
     * @throws IllegalArgumentException when one of those rules is broken
     */
    public synchronized FederatedIdentityCredential addFederatedCredential(
            String clientId, FederatedIdentityCredential credential) {
        List<FederatedIdentityCredential> credentials =
                federatedCredentials.computeIfAbsent(key(clientId), id -> new ArrayList<>());
        for (FederatedIdentityCredential existing : credentials) {
            if (existing.name().equalsIgnoreCase(credential.name())) {
                throw new IllegalArgumentException(
                        "the application already has a federated credential named " + credential.name());
            }
            if (existing.issuer().equals(credential.issuer())
                    && existing.subject().equals(credential.subject())) {
                throw new IllegalArgumentException(
                        "the application already has a federated credential with this issuer and subject: "
                                + existing.name());
            }
        }
        if (credentials.size() == MAX_FEDERATED_CREDENTIALS) {
            throw new IllegalArgumentException(
                    "an application has at most " + MAX_FEDERATED_CREDENTIALS + " federated credentials");
        }
        credentials.add(credential);
        return credential;
    }

    public synchronized List<FederatedIdentityCredential> federatedCredentials(String clientId) {
        return List.copyOf(federatedCredentials.getOrDefault(key(clientId), List.of()));
    }

    public synchronized void removeFederatedCredential(String clientId, String name) {
        List<FederatedIdentityCredential> credentials = federatedCredentials.get(key(clientId));
        if (credentials != null) {
            credentials.removeIf(credential -> credential.name().equalsIgnoreCase(name));
        }
    }

    public synchronized TrustedCertificateSubject addTrustedCertificateSubject(
            String clientId, TrustedCertificateSubject subject) {
        trustedSubjects.computeIfAbsent(key(clientId), id -> new ArrayList<>()).add(subject);
        return subject;
    }

    public synchronized List<TrustedCertificateSubject> trustedCertificateSubjects(String clientId) {
        return List.copyOf(trustedSubjects.getOrDefault(key(clientId), List.of()));
    }

    /**
     * Trusts a certificate authority for subject name and issuer authentication, under an id that
     * {@link TrustedCertificateSubject#authorityId()} can name.
     *
     * @param authorityId a GUID, but not {@link TrustedCertificateSubject#ANY_TRUSTED_AUTHORITY}
     * @param certificate the authority's (root) certificate: the trust anchor
     */
    public synchronized void trustCertificateAuthority(String authorityId, X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        if (!Guids.isGuid(authorityId)
                || authorityId.equalsIgnoreCase(TrustedCertificateSubject.ANY_TRUSTED_AUTHORITY)) {
            throw new IllegalArgumentException("an authority id is a GUID other than the 'any' id: " + authorityId);
        }
        trustedAuthorities.put(key(authorityId), certificate);
    }

    public synchronized void distrustCertificateAuthority(String authorityId) {
        trustedAuthorities.remove(key(authorityId));
    }

    /** Authority id to certificate, in the order they were trusted. */
    public synchronized Map<String, X509Certificate> trustedCertificateAuthorities() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(trustedAuthorities));
    }

    public synchronized Optional<X509Certificate> trustedCertificateAuthority(String authorityId) {
        return Optional.ofNullable(trustedAuthorities.get(key(authorityId)));
    }

    /**
     * Drops what belonged to an application (its federated credentials and trusted subjects), for a
     * test that removes an application and registers another with the same client id.
     */
    public synchronized void forgetApplication(String clientId) {
        federatedCredentials.remove(key(clientId));
        trustedSubjects.remove(key(clientId));
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}

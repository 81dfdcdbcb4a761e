package dev.entrashell.emulator.directory;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An application as the token endpoint signs it in: a value read from the tenant's Graph objects
 * when a client asks for a token ({@link Directory#application}), or written to them to register an
 * app ({@link Directory#registerApplication}). It is never kept: the application object, its service
 * principal and their app role assignments are the only record.
 *
 * @param clientId the application (client) id, a GUID
 * @param servicePrincipalObjectId object id of the app's service principal in this tenant: the
 *     {@code oid} and {@code sub} of its tokens
 * @param certificates public certificates uploaded as credentials (key credentials)
 * @param secrets client secret values (password credentials)
 * @param roles application permissions granted (with admin consent) to the service principal
 */
public record AppRegistration(
        String clientId,
        String servicePrincipalObjectId,
        String displayName,
        List<X509Certificate> certificates,
        List<String> secrets,
        Set<String> roles) {

    public AppRegistration {
        if (!Guids.isGuid(clientId)) {
            throw new IllegalArgumentException("client id must be a GUID: " + clientId);
        }
        if (!Guids.isGuid(servicePrincipalObjectId)) {
            throw new IllegalArgumentException(
                    "service principal object id must be a GUID: " + servicePrincipalObjectId);
        }
        clientId = Guids.normalize(clientId);
        servicePrincipalObjectId = Guids.normalize(servicePrincipalObjectId);
        Objects.requireNonNull(displayName, "displayName");
        certificates = List.copyOf(certificates);
        secrets = List.copyOf(secrets);
        roles = Set.copyOf(roles);
    }

    /** A new registration with a random service principal id. */
    public static AppRegistration of(
            String clientId,
            String displayName,
            List<X509Certificate> certificates,
            List<String> secrets,
            Set<String> roles) {
        return new AppRegistration(clientId, Guids.random(), displayName, certificates, secrets, roles);
    }

    public AppRegistration withCertificates(List<X509Certificate> newCertificates) {
        return new AppRegistration(clientId, servicePrincipalObjectId, displayName, newCertificates, secrets, roles);
    }

    /** Never prints secret values. */
    @Override
    public String toString() {
        return "AppRegistration[clientId=" + clientId + ", servicePrincipalObjectId=" + servicePrincipalObjectId
                + ", displayName=" + displayName + ", certificates=" + certificates.size() + ", secrets="
                + secrets.size() + ", roles=" + roles + "]";
    }
}

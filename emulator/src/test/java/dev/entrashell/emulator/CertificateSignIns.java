package dev.entrashell.emulator;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signing the demo tenant's apps in with a certificate, and uploading one through Graph, as clients do. */
final class CertificateSignIns {
    private CertificateSignIns() {}

    /** The token endpoint's answer to a client assertion signed as MSAL4J signs it, in the demo tenant. */
    static HttpResponse<String> token(
            Emulator emulator, TestClient client, String clientId, X509Certificate certificate, KeyPair keys) {
        String endpoint = emulator.tokenEndpoint(emulator.demo().tenantId()).toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("scope", "https://graph.microsoft.com/.default");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put(
                "client_assertion",
                ClientAssertions.msal(clientId, certificate, keys.getPrivate(), endpoint, Instant.now())
                        .sign());
        return client.postForm(emulator.tokenEndpoint(emulator.demo().tenantId()), form);
    }

    /** A {@code keyCredentials} entry that adds the certificate, as Graph takes it (DER in base64). */
    static String keyCredential(X509Certificate certificate) {
        try {
            return "{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\""
                    + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"}";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

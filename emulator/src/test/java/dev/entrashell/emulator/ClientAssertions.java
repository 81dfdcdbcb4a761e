package dev.entrashell.emulator;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Client assertions as MSAL4J 1.26 builds them, with the parts a test may change before signing. */
final class ClientAssertions {
    final Map<String, Object> header;
    final Map<String, Object> claims;
    PrivateKey key;

    private ClientAssertions(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        this.header = header;
        this.claims = claims;
        this.key = key;
    }

    /**
     * RS256, typ JWT, x5t#S256 and x5c; aud, iss, sub, jti, nbf, exp = nbf + 600, no iat. Like
     * MSAL4J, the thumbprint is in standard base64 with padding, not base64url.
     */
    static ClientAssertions msal(
            String clientId, X509Certificate certificate, PrivateKey key, String audience, Instant now) {
        Map<String, Object> header = TestJwt.map(
                "alg",
                "RS256",
                "typ",
                "JWT",
                "x5t#S256",
                Base64.getEncoder().encodeToString(TestJwt.digest("SHA-256", certificate)),
                "x5c",
                List.of(TestJwt.x5c(certificate)));
        Map<String, Object> claims = TestJwt.map(
                "aud",
                audience,
                "iss",
                clientId,
                "sub",
                clientId,
                "jti",
                UUID.randomUUID().toString(),
                "nbf",
                now.getEpochSecond(),
                "exp",
                now.getEpochSecond() + 600);
        return new ClientAssertions(header, claims, key);
    }

    String sign() {
        return TestJwt.sign(header, claims, key);
    }
}

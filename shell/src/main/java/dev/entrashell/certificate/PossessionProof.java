package dev.entrashell.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import com.google.gson.JsonObject;

/**
 * The proof of possession that Graph's {@code addKey} and {@code removeKey} ask for (Microsoft's
 * application-addkey page): a JWT signed RS256 with the private key of one of the application's valid
 * certificates, {@code aud} 00000002-0000-0000-c000-000000000000, {@code iss} the application's object
 * id (not its client id), and {@code nbf}/{@code exp} ten minutes apart, the longest Graph takes.
 */
public final class PossessionProof {
    static final String AUDIENCE = "00000002-0000-0000-c000-000000000000";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private PossessionProof() {}

    /** The compact JWT; it names the signing certificate by its SHA-1 thumbprint ({@code x5t}). */
    public static String sign(CertificateCredential signer, String applicationObjectId, Instant now) {
        JsonObject header = new JsonObject();
        header.addProperty("alg", "RS256");
        header.addProperty("typ", "JWT");
        header.addProperty(
                "x5t", base64Url(HexFormat.of().parseHex(signer.thumbprint().hex())));
        JsonObject claims = new JsonObject();
        long notBefore = now.getEpochSecond();
        claims.addProperty("aud", AUDIENCE);
        claims.addProperty("iss", applicationObjectId);
        claims.addProperty("nbf", notBefore);
        claims.addProperty("exp", notBefore + LIFETIME.toSeconds());
        String input = base64Url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signer.privateKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the certificate's key: " + e.getMessage(), e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package dev.entrashell.emulator.jwt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.json.Json;
import dev.entrashell.emulator.tls.Certificates;
import dev.entrashell.emulator.tls.RsaKeys;
import dev.entrashell.emulator.tls.Thumbprints;

/**
 * The key the emulator signs access tokens with (RS256), published as a JWK with its certificate
 * ({@code x5c}) so any client can validate them. Made fresh on every start: tokens from an earlier
 * run no longer validate, as after a key rollover.
 */
public final class TokenSigningKey {
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final String keyId;

    public TokenSigningKey(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
        // As Entra's: the key id is the certificate's SHA-1 thumbprint in base64url, as is x5t.
        this.keyId = Base64Url.encode(Thumbprints.sha1(certificate));
    }

    /** A new key with a self-signed certificate, as Entra publishes its signing keys. */
    public static TokenSigningKey generate() {
        KeyPair keys = RsaKeys.generate();
        Instant now = Instant.now();
        X509Certificate certificate = Certificates.selfSignedClient(
                keys,
                "accounts.accesscontrol.windows.net",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)));
        return new TokenSigningKey(keys, certificate);
    }

    public String keyId() {
        return keyId;
    }

    /** Signs RS256 with {@code typ}, {@code alg}, {@code x5t} and {@code kid} in the header, as Entra does. */
    public String sign(JsonObject claims) {
        return sign(header(null), claims, header(null));
    }

    /**
     * Signs as Entra signs Graph's tokens: a {@code nonce} in the header, and the signature made over
     * the header with the nonce replaced by the base64url of its SHA-256. So the token does not
     * validate as a plain JWS, as Graph's tokens do not: only Graph (which knows the transform) may
     * validate them.
     */
    public String signWithNonce(JsonObject claims, String nonce) {
        return sign(header(nonce), claims, header(hashedNonce(nonce)));
    }

    private String sign(JsonObject sentHeader, JsonObject claims, JsonObject signedHeader) {
        String payload = Base64Url.encode(Json.write(claims));
        String signingInput = Base64Url.encode(Json.write(signedHeader)) + "." + payload;
        byte[] signature = JwsAlgorithm.RS256.sign(keys.getPrivate(), signingInput.getBytes(StandardCharsets.US_ASCII));
        return Base64Url.encode(Json.write(sentHeader)) + "." + payload + "." + Base64Url.encode(signature);
    }

    /** Entra's header order: {@code typ}, {@code nonce} (Graph tokens), {@code alg}, {@code x5t}, {@code kid}. */
    private JsonObject header(String nonce) {
        JsonObject header = new JsonObject();
        header.addProperty("typ", "JWT");
        if (nonce != null) {
            header.addProperty("nonce", nonce);
        }
        header.addProperty("alg", JwsAlgorithm.RS256.name());
        header.addProperty("x5t", keyId);
        header.addProperty("kid", keyId);
        return header;
    }

    private static String hashedNonce(String nonce) {
        return Base64Url.encode(Thumbprints.digest("SHA-256", nonce.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * True when this key made the token: RS256, our key id, and a signature our public key verifies
     * (over the header with a hashed nonce, when the header has a nonce).
     */
    public boolean signed(Jws token) {
        if (token.headerString("alg").filter(JwsAlgorithm.RS256.name()::equals).isEmpty()
                || token.headerString("kid").filter(keyId::equals).isEmpty()) {
            return false;
        }
        byte[] signingInput = token.signingInput();
        if (token.header().has("nonce")) {
            String sent = new String(signingInput, StandardCharsets.US_ASCII);
            JsonObject signedHeader = token.header().deepCopy();
            signedHeader.addProperty(
                    "nonce", hashedNonce(token.headerString("nonce").orElse("")));
            signingInput = (Base64Url.encode(Json.write(signedHeader)) + sent.substring(sent.indexOf('.')))
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return JwsAlgorithm.RS256.verify(keys.getPublic(), signingInput, token.signature());
    }

    public JsonObject jwk(String issuer) {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        JsonObject jwk = new JsonObject();
        jwk.addProperty("kty", "RSA");
        jwk.addProperty("use", "sig");
        jwk.addProperty("kid", keyId);
        jwk.addProperty("x5t", keyId);
        jwk.addProperty("n", Base64Url.encode(unsigned(publicKey.getModulus())));
        jwk.addProperty("e", Base64Url.encode(unsigned(publicKey.getPublicExponent())));
        JsonArray chain = new JsonArray();
        chain.add(Base64.getEncoder().encodeToString(encoded(certificate)));
        jwk.add("x5c", chain);
        jwk.addProperty("alg", JwsAlgorithm.RS256.name());
        if (issuer != null) {
            jwk.addProperty("issuer", issuer);
        }
        return jwk;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the token signing certificate", e);
        }
    }

    /** JWK integers are unsigned big-endian: drop the sign byte BigInteger adds. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}

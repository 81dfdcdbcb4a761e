package dev.entrashell.emulator.jwt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.json.Json;
import dev.entrashell.emulator.tls.RsaKeys;
import dev.entrashell.emulator.tls.Thumbprints;

/**
 * The key the emulator signs access tokens with (RS256), published as a JWK so any client can
 * validate them. Made fresh on every start: tokens from an earlier run no longer validate, as after
 * a key rollover.
 */
public final class TokenSigningKey {
    private final KeyPair keys;
    private final String keyId;

    public TokenSigningKey(KeyPair keys) {
        this.keys = keys;
        // Same shape as Entra's key ids: base64url of a SHA-1 digest.
        this.keyId =
                Base64Url.encode(Thumbprints.digest("SHA-1", keys.getPublic().getEncoded()));
    }

    public static TokenSigningKey generate() {
        return new TokenSigningKey(RsaKeys.generate());
    }

    public String keyId() {
        return keyId;
    }

    /** Signs RS256 with {@code typ}, {@code alg}, {@code x5t} and {@code kid} in the header, as Entra does. */
    public String sign(JsonObject claims) {
        JsonObject header = new JsonObject();
        header.addProperty("typ", "JWT");
        header.addProperty("alg", JwsAlgorithm.RS256.name());
        header.addProperty("x5t", keyId);
        header.addProperty("kid", keyId);
        String signingInput = Base64Url.encode(Json.write(header)) + "." + Base64Url.encode(Json.write(claims));
        byte[] signature = JwsAlgorithm.RS256.sign(keys.getPrivate(), signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }

    /** True when this key made the token: RS256, our key id, and a signature our public key verifies. */
    public boolean signed(Jws token) {
        return token.headerString("alg")
                        .filter(JwsAlgorithm.RS256.name()::equals)
                        .isPresent()
                && token.headerString("kid").filter(keyId::equals).isPresent()
                && JwsAlgorithm.RS256.verify(keys.getPublic(), token.signingInput(), token.signature());
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
        jwk.addProperty("alg", JwsAlgorithm.RS256.name());
        if (issuer != null) {
            jwk.addProperty("issuer", issuer);
        }
        return jwk;
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

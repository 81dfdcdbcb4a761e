package dev.entrashell.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A tiny JWT maker and reader for tests, written against the JDK alone, deliberately separate
 * from the emulator's own JWS code so that the tests do not check the emulator with itself.
 */
final class TestJwt {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private TestJwt() {}

    static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String alg = String.valueOf(header.get("alg"));
        String input = b64(GSON.toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64(GSON.toJson(claims).getBytes(StandardCharsets.UTF_8));
        byte[] data = input.getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] signature =
                    switch (alg) {
                        case "RS256" -> {
                            Signature rsa = Signature.getInstance("SHA256withRSA");
                            rsa.initSign(key);
                            rsa.update(data);
                            yield rsa.sign();
                        }
                        case "PS256" -> {
                            Signature pss = Signature.getInstance("RSASSA-PSS");
                            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                            pss.initSign(key);
                            pss.update(data);
                            yield pss.sign();
                        }
                        case "HS256" -> {
                            Mac mac = Mac.getInstance("HmacSHA256");
                            mac.init(new SecretKeySpec(
                                    "not-a-certificate-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                            yield mac.doFinal(data);
                        }
                        case "none" -> new byte[0];
                        default -> throw new IllegalArgumentException(alg);
                    };
            return input + "." + b64(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verifyRs256(String jwt, PublicKey key) {
        int lastDot = jwt.lastIndexOf('.');
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Verifies a Graph token as the resource does: the signature covers the header with its
     * {@code nonce} replaced by the base64url of the nonce's SHA-256.
     */
    static boolean verifyGraphToken(String jwt, PublicKey key) {
        JsonObject header = header(jwt);
        try {
            byte[] hashed = MessageDigest.getInstance("SHA-256")
                    .digest(header.get("nonce").getAsString().getBytes(StandardCharsets.UTF_8));
            header.addProperty("nonce", b64(hashed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String rest = jwt.substring(jwt.indexOf('.'));
        return verifyRs256(b64(GSON.toJson(header).getBytes(StandardCharsets.UTF_8)) + rest, key);
    }

    static JsonObject header(String jwt) {
        return part(jwt, 0);
    }

    static JsonObject claims(String jwt) {
        return part(jwt, 1);
    }

    static String x5tS256(X509Certificate certificate) {
        return b64(digest("SHA-256", certificate));
    }

    static String x5t(X509Certificate certificate) {
        return b64(digest("SHA-1", certificate));
    }

    static byte[] digest(String algorithm, X509Certificate certificate) {
        try {
            return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String x5c(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String b64(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    private static JsonObject part(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }
}

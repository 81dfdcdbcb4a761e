package dev.entrashell.emulator.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Base64url without padding, the JOSE encoding (RFC 7515 section 2). */
public final class Base64Url {
    private Base64Url() {}

    public static String encode(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    public static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when the text is not base64url
     */
    public static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}

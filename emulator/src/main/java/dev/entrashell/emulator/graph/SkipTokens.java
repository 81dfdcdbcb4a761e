package dev.entrashell.emulator.graph;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.entrashell.emulator.jwt.Base64Url;

/**
 * Opaque {@code $skiptoken} values: a position in a listing, authenticated with a per-start HMAC
 * key and bound to what is being listed. Clients must follow {@code @odata.nextLink} as given (as
 * with Graph); an edited token, or one from another listing or an earlier run, is refused.
 */
public final class SkipTokens {
    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    public SkipTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * @param listing what the position is in, e.g. "{tenant}|users"; issue 4 adds the query (filter, order)
     */
    public String encode(String listing, int offset) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + Integer.BYTES + MAC_BYTES);
        buffer.put(VERSION).putInt(offset).put(mac(listing, offset));
        return Base64Url.encode(buffer.array());
    }

    /** The position, or a 400 when the token was not made by {@link #encode} for this listing. */
    public int decode(String listing, String token) throws GraphException {
        byte[] bytes;
        try {
            bytes = Base64Url.decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length != 1 + Integer.BYTES + MAC_BYTES || bytes[0] != VERSION) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        int offset = buffer.getInt();
        byte[] mac = Arrays.copyOfRange(bytes, 1 + Integer.BYTES, bytes.length);
        if (offset < 0 || !MessageDigest.isEqual(mac, mac(listing, offset))) {
            throw invalid();
        }
        return offset;
    }

    private byte[] mac(String listing, int offset) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update((listing + "|" + offset).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(hmac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a required JDK algorithm", e);
        }
    }

    private static GraphException invalid() {
        return GraphException.directoryBadRequest("Invalid Skip Token");
    }
}

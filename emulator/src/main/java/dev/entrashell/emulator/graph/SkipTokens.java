package dev.entrashell.emulator.graph;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.json.Json;
import dev.entrashell.emulator.jwt.Base64Url;

/**
 * Opaque {@code $skiptoken} values: where the next page starts, and the query options of the
 * listing (filter, search, orderby, select, expand, top, count), authenticated with a per-start
 * HMAC key and bound to the tenant and path. Clients follow {@code @odata.nextLink} as given (as
 * with Graph); a token that was edited, comes from another listing or an earlier run is refused.
 */
public final class SkipTokens {
    private static final int MAC_BYTES = 16;

    /**
     * A position in a listing.
     *
     * @param options the listing's query options by lower-case name without '$'
     * @param index where the next page starts in the listing's order
     * @param lastId the id of the last object of the previous page, to find the place again if
     *     objects were added or removed since
     */
    public record Cursor(Map<String, String> options, int index, String lastId) {
        public Cursor {
            options = Map.copyOf(options);
        }
    }

    private final SecretKeySpec key;

    public SkipTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @param binding what the cursor is in: the tenant and the collection's path */
    public String encode(String binding, Cursor cursor) {
        JsonObject payload = new JsonObject();
        payload.addProperty("i", cursor.index());
        payload.addProperty("k", cursor.lastId());
        JsonObject options = new JsonObject();
        new TreeMap<>(cursor.options()).forEach(options::addProperty);
        payload.add("o", options);
        byte[] body = Json.write(payload).getBytes(StandardCharsets.UTF_8);
        byte[] token = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac(binding, body), 0, token, body.length, MAC_BYTES);
        return Base64Url.encode(token);
    }

    /** The cursor, or a 400 when the token was not made by {@link #encode} for this binding. */
    public Cursor decode(String binding, String token) throws GraphException {
        byte[] bytes;
        try {
            bytes = Base64Url.decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length <= MAC_BYTES || !Base64Url.encode(bytes).equals(token.strip())) {
            throw invalid();
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_BYTES, bytes.length);
        if (!MessageDigest.isEqual(mac, mac(binding, body))) {
            throw invalid();
        }
        try {
            JsonObject payload = JsonParser.parseString(new String(body, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            Map<String, String> options = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> option :
                    payload.getAsJsonObject("o").entrySet()) {
                options.put(option.getKey(), option.getValue().getAsString());
            }
            JsonElement lastId = payload.get("k");
            return new Cursor(
                    options,
                    payload.get("i").getAsInt(),
                    lastId == null || lastId.isJsonNull() ? null : lastId.getAsString());
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw invalid();
        }
    }

    private byte[] mac(String binding, byte[] body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(binding.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(body);
            return Arrays.copyOf(hmac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a required JDK algorithm", e);
        }
    }

    private static GraphException invalid() {
        return GraphException.directoryBadRequest("Invalid Skip Token");
    }
}

package dev.entrashell.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What the shell reads from its own access token, as {@code Get-MgContext} does: the app-only scopes are
 * the {@code roles} claim. The token is not verified here (Graph does that); it is only decoded.
 */
public record TokenClaims(JsonObject header, JsonObject payload) {

    public static TokenClaims parse(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return new TokenClaims(new JsonObject(), new JsonObject());
        }
        return new TokenClaims(decode(parts[0]), decode(parts[1]));
    }

    private static JsonObject decode(String part) {
        try {
            JsonElement json =
                    JsonParser.parseString(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            return json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException notJson) {
            // Tokens are opaque by contract; a token that is not a JWT simply has no claims to show.
            return new JsonObject();
        }
    }

    public String string(String claim) {
        JsonElement value = payload.get(claim);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    /** App-only scopes, sorted; an empty list when the app has no application permissions. */
    public List<String> roles() {
        List<String> roles = new ArrayList<>();
        JsonElement value = payload.get("roles");
        if (value != null && value.isJsonArray()) {
            value.getAsJsonArray().forEach(r -> roles.add(r.getAsString()));
        }
        roles.sort(String.CASE_INSENSITIVE_ORDER);
        return roles;
    }

    public String appName() {
        return string("app_displayname");
    }

    public String tenantId() {
        return string("tid");
    }

    public String appId() {
        String appid = string("appid");
        return appid != null ? appid : string("azp");
    }

    public Instant expiresOn() {
        JsonElement exp = payload.get("exp");
        return exp == null ? null : Instant.ofEpochSecond(exp.getAsLong());
    }

    /** Every claim, sorted by name, for {@code token}. */
    public Map<String, JsonElement> all() {
        Map<String, JsonElement> sorted = new TreeMap<>();
        payload.entrySet().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}

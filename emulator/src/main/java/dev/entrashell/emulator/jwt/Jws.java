package dev.entrashell.emulator.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import dev.entrashell.emulator.json.Json;

/**
 * A JWS in compact serialization, split and decoded but not yet trusted: callers verify the
 * signature before they believe any claim.
 *
 * @param signingInput the ASCII bytes the signature covers: {@code header.payload} as sent
 */
public record Jws(JsonObject header, JsonObject claims, byte[] signingInput, byte[] signature) {

    /** Why a text is not a compact JWS. */
    public static final class MalformedJwsException extends Exception {
        public MalformedJwsException(String message) {
            super(message);
        }
    }

    public static Jws parse(String compact) throws MalformedJwsException {
        if (compact == null || compact.isEmpty()) {
            throw new MalformedJwsException("The token is empty.");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new MalformedJwsException(
                    "The token has " + parts.length + " dot-separated parts; a JWS in compact serialization has 3.");
        }
        JsonObject header = jsonPart(parts[0], "header");
        JsonObject claims = jsonPart(parts[1], "payload");
        byte[] signature;
        try {
            signature = Base64Url.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new MalformedJwsException("The signature is not base64url.");
        }
        return new Jws(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
    }

    public Optional<String> headerString(String name) {
        return string(header, name);
    }

    public Optional<String> claimString(String name) {
        return string(claims, name);
    }

    /** A NumericDate claim (seconds since the epoch), when present and a number. */
    public Optional<Long> claimNumber(String name) {
        JsonElement value = claims.get(name);
        if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
            return Optional.of(primitive.getAsBigDecimal().longValue());
        }
        return Optional.empty();
    }

    private static Optional<String> string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            return Optional.of(primitive.getAsString());
        }
        return Optional.empty();
    }

    private static JsonObject jsonPart(String part, String what) throws MalformedJwsException {
        String text;
        try {
            text = new String(Base64Url.decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedJwsException("The " + what + " is not base64url.");
        }
        JsonObject object = Json.parseObjectOrNull(text);
        if (object == null) {
            throw new MalformedJwsException("The " + what + " is not a JSON object.");
        }
        return object;
    }
}

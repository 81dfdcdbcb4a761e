package dev.entrashell.emulator.graph;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.internal.Streams;

/**
 * A successful Graph answer before the common headers are added: a JSON body (written by
 * {@code json}, or already serialized in {@code rawJson}), a plain-text body (for {@code
 * /$count}), or none (204).
 */
public record GraphResponse(int status, JsonContent json, byte[] rawJson, String text, Map<String, String> headers) {
    public GraphResponse {
        headers = Map.copyOf(headers);
    }

    public static GraphResponse ok(JsonObject body) {
        return ok(out -> Streams.write(body, out));
    }

    public static GraphResponse ok(JsonContent body) {
        return new GraphResponse(200, body, null, null, Map.of());
    }

    /** 200 with JSON already serialized as UTF-8. */
    public static GraphResponse okJson(byte[] utf8) {
        return new GraphResponse(200, null, utf8, null, Map.of());
    }

    /** 201 with the created object and its Location. */
    public static GraphResponse created(JsonContent body, String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        return new GraphResponse(201, body, null, null, headers);
    }

    public static GraphResponse noContent() {
        return new GraphResponse(204, null, null, null, Map.of());
    }

    public static GraphResponse text(String text) {
        return new GraphResponse(200, null, null, text, Map.of());
    }

    /** The JSON body as UTF-8, or null when the answer has none. */
    public byte[] jsonBytes() {
        if (rawJson != null) {
            return rawJson;
        }
        return json == null ? null : ByteArrayJson.of(json);
    }
}

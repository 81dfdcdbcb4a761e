package dev.entrashell.emulator.graph;

import java.util.Map;

import com.google.gson.JsonObject;

/** A successful Graph answer before the common headers are added. */
public record GraphResponse(int status, JsonObject body, Map<String, String> headers) {
    public GraphResponse {
        headers = Map.copyOf(headers);
    }

    public static GraphResponse ok(JsonObject body) {
        return new GraphResponse(200, body, Map.of());
    }
}

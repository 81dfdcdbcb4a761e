package dev.entrashell.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;

import dev.entrashell.emulator.json.Json;

/** What a handler answers; {@link ServingHandler} writes it to the wire. */
public record ServerResponse(int status, Map<String, String> headers, byte[] body) {

    public ServerResponse {
        headers = Map.copyOf(headers);
    }

    public static ServerResponse json(int status, String contentType, JsonElement body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return new ServerResponse(status, all, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    public static ServerResponse text(int status, String text) {
        return new ServerResponse(
                status, Map.of("Content-Type", "text/plain; charset=utf-8"), text.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.entrashell.emulator.token;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.token.error.AadError;

/** Writes the login server's JSON responses with the headers Entra sends on every one. */
public final class AadResponses {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** Entra's timestamp format, e.g. {@code 2026-11-22 02:30:00Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final URI loginEndpoint;

    public AadResponses(URI loginEndpoint) {
        this.loginEndpoint = loginEndpoint;
    }

    /**
     * @param ids the trace id and correlation id of this request
     */
    public ServerResponse error(AadError error, RequestIds ids, Instant now) {
        String timestamp = TIMESTAMP.format(now);
        JsonObject body = new JsonObject();
        body.addProperty("error", error.error());
        body.addProperty(
                "error_description",
                "AADSTS" + error.code() + ": " + error.message() + "\r\nTrace ID: " + ids.traceId()
                        + "\r\nCorrelation ID: " + ids.correlationId() + "\r\nTimestamp: " + timestamp);
        JsonArray codes = new JsonArray();
        codes.add(error.code());
        body.add("error_codes", codes);
        body.addProperty("timestamp", timestamp);
        body.addProperty("trace_id", ids.traceId());
        body.addProperty("correlation_id", ids.correlationId());
        body.addProperty("error_uri", loginEndpoint + "/error?code=" + error.code());
        return json(error.status(), body, ids);
    }

    public ServerResponse json(int status, JsonElement body, RequestIds ids) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store, no-cache");
        headers.put("Pragma", "no-cache");
        headers.put("x-ms-request-id", ids.traceId());
        headers.put("client-request-id", ids.correlationId());
        return ServerResponse.json(status, CONTENT_TYPE, body, headers);
    }
}

package dev.entrashell.emulator.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it: already read in full, so that handlers are plain functions
 * and the request log can keep the body.
 *
 * @param server "login", "graph" or "identity"
 * @param rawPath the path exactly as sent (still percent-encoded), so handlers decode segments themselves
 * @param rawQuery the query as sent, or null
 * @param headers case-insensitive names
 */
public record ServerRequest(
        String server,
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        Instant receivedAt) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String pathAndQuery() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }
}

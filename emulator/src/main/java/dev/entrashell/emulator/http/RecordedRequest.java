package dev.entrashell.emulator.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request that one of the emulator's servers answered.
 *
 * @param server "login", "graph" or "identity" (the managed identity endpoints)
 * @param pathAndQuery as sent, still percent-encoded
 * @param headers case-insensitive names
 * @param body the request body as text (the form for token requests), or null when there was none
 * @param time when the request arrived (by the emulator's clock)
 * @param status the HTTP status the emulator answered; 0 when it closed the connection without an
 *     answer (the {@code DieAfterPages} fault)
 * @param responseHeaders the answer's headers, e.g. {@code Retry-After} on a 429
 */
public record RecordedRequest(
        Instant time,
        String server,
        String method,
        String pathAndQuery,
        Map<String, List<String>> headers,
        String body,
        int status,
        Map<String, String> responseHeaders) {

    public RecordedRequest {
        responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
    }

    /** A request recorded without its answer's headers. */
    public RecordedRequest(
            Instant time,
            String server,
            String method,
            String pathAndQuery,
            Map<String, List<String>> headers,
            String body,
            int status) {
        this(time, server, method, pathAndQuery, headers, body, status, Map.of());
    }

    /** The answer's header, ignoring the name's case. */
    public Optional<String> responseHeader(String name) {
        return responseHeaders.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}

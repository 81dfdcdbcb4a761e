package dev.entrashell.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request that one of the emulator's servers answered.
 *
 * @param server "login", "graph" or "identity" (the managed identity endpoints)
 * @param pathAndQuery as sent, still percent-encoded
 * @param headers case-insensitive names
 * @param body the request body as text (the form for token requests), or null when there was none
 * @param status the HTTP status the emulator answered
 */
public record RecordedRequest(
        Instant time,
        String server,
        String method,
        String pathAndQuery,
        Map<String, List<String>> headers,
        String body,
        int status) {}

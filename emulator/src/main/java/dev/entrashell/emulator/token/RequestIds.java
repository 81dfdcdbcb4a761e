package dev.entrashell.emulator.token;

import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.http.ServerRequest;

/**
 * @param traceId Entra's id for this request, fresh each time
 * @param correlationId the client's {@code client-request-id} when it sent a GUID (MSAL does), else fresh
 */
public record RequestIds(String traceId, String correlationId) {

    public static RequestIds of(ServerRequest request) {
        String correlationId = request.header("client-request-id")
                .map(String::strip)
                .filter(Guids::isGuid)
                .orElseGet(Guids::random);
        return new RequestIds(Guids.random(), correlationId);
    }
}

package dev.entrashell.emulator.identity;

import java.time.Clock;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.token.AadResponses;
import dev.entrashell.emulator.token.RequestIds;

/** Turns a refused managed identity request ({@link IdentityException}) into its endpoint's answer. */
final class IdentityErrors {
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** How many of IMDS's newest versions its versioning error lists. */
    private static final int NEWEST_VERSIONS = 3;

    private final AadResponses entra;
    private final Clock clock;

    IdentityErrors(AadResponses entra, Clock clock) {
        this.entra = entra;
        this.clock = clock;
    }

    ServerResponse response(IdentityException refusal, ServerRequest request) {
        return switch (refusal.shape()) {
            case METHOD_NOT_ALLOWED -> new ServerResponse(refusal.status(), Map.of("Allow", "GET"), new byte[0]);
            case IMDS -> {
                JsonObject body = new JsonObject();
                body.addProperty("error", "invalid_request");
                body.addProperty("error_description", refusal.getMessage());
                yield json(refusal.status(), body, Map.of());
            }
            case IMDS_API_VERSION -> {
                JsonObject body = new JsonObject();
                body.addProperty("error", refusal.getMessage());
                JsonArray newest = new JsonArray();
                ImdsEndpoint.API_VERSIONS.subList(0, NEWEST_VERSIONS).forEach(newest::add);
                body.add("newest-versions", newest);
                yield json(refusal.status(), body, Map.of());
            }
            case ENTRA -> {
                ServerResponse refused = entra.error(refusal.entraError(), RequestIds.of(request), clock.instant());
                yield new ServerResponse(refusal.status(), Map.of("Content-Type", CONTENT_TYPE), refused.body());
            }
            case APP_SERVICE -> {
                String correlationId = Guids.random();
                JsonObject body = new JsonObject();
                body.addProperty("statusCode", refusal.status());
                body.addProperty("message", refusal.getMessage());
                body.addProperty("correlationId", correlationId);
                yield json(refusal.status(), body, Map.of("X-CORRELATION-ID", correlationId));
            }
        };
    }

    private static ServerResponse json(int status, JsonObject body, Map<String, String> headers) {
        return ServerResponse.json(status, CONTENT_TYPE, body, headers);
    }
}

package dev.entrashell.graph;

import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.auth.TokenClaims;
import dev.entrashell.errors.ShellException;

/**
 * Graph's error body in one line: status, {@code error.code}, {@code error.message}, then
 * {@code request-id} and {@code date}, which Microsoft support asks for. A 403 adds the roles the token
 * has, since a missing application permission is its usual cause.
 */
final class GraphErrors {
    private GraphErrors() {}

    static ShellException from(
            int status,
            String method,
            String url,
            String body,
            String headerRequestId,
            TokenClaims claims,
            GraphPermissionMap hints) {
        String code = null;
        String message = null;
        String requestId = headerRequestId;
        String date = null;
        try {
            JsonElement parsed = JsonParser.parseString(body == null ? "" : body);
            if (parsed.isJsonObject() && parsed.getAsJsonObject().has("error")) {
                JsonObject error = parsed.getAsJsonObject().getAsJsonObject("error");
                code = text(error, "code");
                message = text(error, "message");
                JsonObject inner =
                        error.has("innerError") && error.get("innerError").isJsonObject()
                                ? error.getAsJsonObject("innerError")
                                : null;
                if (inner != null) {
                    requestId = text(inner, "request-id") != null ? text(inner, "request-id") : requestId;
                    date = text(inner, "date");
                }
            }
        } catch (RuntimeException notJson) {
            // Proxies and gateways answer with HTML; the status line then says enough.
        }
        StringBuilder line = new StringBuilder("Graph error ").append(status);
        if (code != null) {
            line.append(' ').append(code);
        }
        line.append(" on ").append(method).append(' ').append(url.replaceFirst("^https://[^/]+", ""));
        line.append(": ").append(message != null ? message : "no error details in the response");
        if (requestId != null || date != null) {
            line.append(" (request-id ").append(requestId == null ? "?" : requestId);
            if (date != null) {
                line.append(", date ").append(date);
            }
            line.append(')');
        }
        if (status == 403) {
            List<String> roles = claims.roles();
            hints.rolesFor(method, okhttp3.HttpUrl.get(url).encodedPath())
                    .ifPresent(needed -> line.append(" This call needs one of the application roles: ")
                            .append(String.join(", ", needed))
                            .append('.'));
            line.append(
                    roles.isEmpty()
                            ? " The token has no roles: grant the app an application permission for this call and give admin consent."
                            : " The token's roles: " + String.join(", ", roles) + ".");
        } else if (status == 401) {
            line.append(" The token was not accepted; connect again.");
        }
        return new GraphFailure(status, line.toString());
    }

    private static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }
}

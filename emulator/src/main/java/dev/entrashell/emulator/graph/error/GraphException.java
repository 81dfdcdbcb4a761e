package dev.entrashell.emulator.graph.error;

import java.util.Map;

/**
 * A Graph error: the HTTP status, Graph's {@code error.code} and {@code error.message}, and any
 * headers it needs (such as {@code Allow}). Factories name every error the emulator gives.
 */
public final class GraphException extends Exception {
    private final int status;
    private final String code;
    private final transient Map<String, String> headers;

    public GraphException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public GraphException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static GraphException emptyToken() {
        return new GraphException(401, "InvalidAuthenticationToken", "Access token is empty.");
    }

    public static GraphException invalidToken(String message) {
        return new GraphException(401, "InvalidAuthenticationToken", message);
    }

    public static GraphException insufficientPrivileges() {
        return new GraphException(
                403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    public static GraphException invalidVersion(String version) {
        return new GraphException(400, "BadRequest", "Invalid version: " + version);
    }

    public static GraphException segmentNotFound(String segment) {
        return new GraphException(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
    }

    public static GraphException methodNotAllowed(String allowedMethods) {
        return new GraphException(
                405,
                "Request_BadRequest",
                "Specified HTTP method is not allowed for the request target.",
                Map.of("Allow", allowedMethods));
    }

    public static GraphException resourceNotFound(String id) {
        return new GraphException(
                404,
                "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects are not"
                        + " present.");
    }

    public static GraphException badRequest(String message) {
        return new GraphException(400, "BadRequest", message);
    }

    public static GraphException directoryBadRequest(String message) {
        return new GraphException(400, "Request_BadRequest", message);
    }

    public static GraphException unsupportedQuery(String message) {
        return new GraphException(400, "Request_UnsupportedQuery", message);
    }
}

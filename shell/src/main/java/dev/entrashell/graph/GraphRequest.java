package dev.entrashell.graph;

import java.util.List;

/**
 * One Graph request as the user asked for it: method, path or URL, API version, extra headers, body
 * (JSON, already checked) and query options.
 */
public record GraphRequest(
        String method, String target, String apiVersion, List<Header> headers, String body, QueryOptions options) {

    public record Header(String name, String value) {}

    public GraphRequest {
        headers = List.copyOf(headers);
    }

    /** The same request, sent to {@code other}: the next page of a listing. */
    public GraphRequest withTarget(String other) {
        return new GraphRequest(method, other, apiVersion, headers, body, options);
    }

    public static GraphRequest get(String target) {
        return new GraphRequest("GET", target, "v1.0", List.of(), null, QueryOptions.none());
    }
}

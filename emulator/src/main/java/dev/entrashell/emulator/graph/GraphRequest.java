package dev.entrashell.emulator.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Graph request as handlers see it: authenticated, routed, with its query options parsed.
 *
 * @param serviceRoot e.g. {@code https://127.0.0.1:41235/v1.0}, for {@code @odata.context} and links
 * @param apiVersion "v1.0" or "beta"
 * @param path the path below the version as sent (still percent-encoded), e.g. "users" or
 *     "groups/{id}/members", for links to further pages
 * @param segments the decoded path below the version
 * @param pathParameters values of the route's {@code {name}} segments
 * @param headers case-insensitive names
 */
public record GraphRequest(
        String method,
        String serviceRoot,
        String apiVersion,
        String path,
        List<String> segments,
        Map<String, String> pathParameters,
        QueryOptions query,
        Map<String, List<String>> headers,
        byte[] body,
        GraphCaller caller,
        Instant receivedAt) {

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no parameter " + name);
        }
        return value;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** True with {@code ConsistencyLevel: eventual}, which advanced queries, $count and $search need. */
    public boolean eventual() {
        return header("ConsistencyLevel")
                .map(value -> value.strip().equalsIgnoreCase("eventual"))
                .orElse(false);
    }

    /** The same request with other query options (the ones a skip token restores). */
    public GraphRequest withQuery(QueryOptions newQuery) {
        return new GraphRequest(
                method,
                serviceRoot,
                apiVersion,
                path,
                segments,
                pathParameters,
                newQuery,
                headers,
                body,
                caller,
                receivedAt);
    }
}

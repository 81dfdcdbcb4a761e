package dev.entrashell.graph;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.Environment;
import okhttp3.HttpUrl;

/**
 * Where a request goes. A path is relative to the environment's Graph endpoint and API version; an
 * absolute URL must be on that endpoint's host and port, because the request carries the token and the
 * token must never reach another host.
 */
public final class GraphUrls {
    private GraphUrls() {}

    public static HttpUrl resolve(Environment environment, String target, String apiVersion) {
        HttpUrl graph = HttpUrl.get(environment.graph().toString());
        String trimmed = target.trim();
        if (trimmed.regionMatches(true, 0, "http://", 0, 7) || trimmed.regionMatches(true, 0, "https://", 0, 8)) {
            HttpUrl absolute = HttpUrl.parse(trimmed);
            if (absolute == null) {
                throw ShellException.usage("'" + target + "' is not a valid URL.");
            }
            if (!absolute.isHttps()
                    || !absolute.host().equalsIgnoreCase(graph.host())
                    || absolute.port() != graph.port()) {
                throw ShellException.usage("Refusing to send the token to " + absolute.scheme() + "://"
                        + absolute.host()
                        + ":" + absolute.port() + ": absolute URLs must be on this environment's Graph endpoint ("
                        + environment.graph() + "). Use a path such as /users instead.");
            }
            return absolute;
        }
        String path = trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
        if (path.isEmpty()) {
            throw ShellException.usage("Give a Graph path, such as /users or /organization.");
        }
        boolean versioned =
                path.startsWith("v1.0/") || path.startsWith("beta/") || path.equals("v1.0") || path.equals("beta");
        HttpUrl resolved = HttpUrl.parse(environment.graph() + "/" + (versioned ? "" : apiVersion + "/") + path);
        if (resolved == null) {
            throw ShellException.usage("'" + target + "' is not a valid Graph path.");
        }
        return resolved;
    }
}

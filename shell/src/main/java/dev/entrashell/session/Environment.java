package dev.entrashell.session;

import java.net.URI;
import java.nio.file.Path;

/**
 * A cloud: where tokens come from and where Graph lives. Tokens are requested only from {@code login}
 * and Graph calls go only to {@code graph}; {@code caFile} adds trust in one more CA for these two
 * endpoints only.
 */
public record Environment(String name, URI login, URI graph, Path caFile, boolean builtIn) {

    public Environment {
        login = withoutTrailingSlash(login);
        graph = withoutTrailingSlash(graph);
    }

    public static Environment builtIn(String name, String login, String graph) {
        return new Environment(name, URI.create(login), URI.create(graph), null, true);
    }

    /** The one scope an app-only token for Graph is requested with. */
    public String graphScope() {
        return graph + "/.default";
    }

    /** The MSAL authority for a tenant: {@code https://login.../TENANT/}. */
    public String authority(String tenant) {
        return login + "/" + tenant + "/";
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}

package dev.entrashell.net;

import java.net.URI;
import java.util.Locale;

import okhttp3.HttpUrl;

/**
 * The one place a connection's token may go: the exact scheme, host and port of its Graph endpoint.
 * Every HTTP client the shell builds for Graph asks this before it sends anything, so that a next
 * link, a redirect or a URL in a script cannot carry the token (or a request body) to another port of
 * the same host, to plain HTTP, or anywhere else.
 */
public record GraphOrigin(String scheme, String host, int port) {

    public GraphOrigin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    public static GraphOrigin of(URI endpoint) {
        HttpUrl url = HttpUrl.get(endpoint.toString());
        return new GraphOrigin(url.scheme(), url.host(), url.port());
    }

    /** Whether {@code url} is on this origin; ports are compared after defaults (443 for https) are applied. */
    public boolean owns(HttpUrl url) {
        return url.scheme().equals(scheme) && url.host().equalsIgnoreCase(host) && url.port() == port;
    }

    public boolean owns(URI uri) {
        HttpUrl url = HttpUrl.get(uri);
        return url != null && owns(url);
    }

    /** {@code scheme://host:port} of any URL, the way the messages name where a request was sent. */
    public static String describe(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}

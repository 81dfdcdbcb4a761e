package dev.entrashell.graph;

import java.util.HashSet;
import java.util.Set;

import dev.entrashell.errors.ShellException;
import dev.entrashell.net.GraphOrigin;
import okhttp3.HttpUrl;

/**
 * The links of one paged listing, checked before each is followed: a link must be on the connection's
 * Graph origin (the token goes nowhere else), and must not lead back to a page already fetched (a server
 * stuck on one page would otherwise be asked for it forever). One per listing; it keeps the links it
 * followed, a few hundred bytes a page.
 */
public final class NextLinks {
    private final GraphOrigin origin;
    private final Set<String> followed = new HashSet<>();
    private int pages;

    public NextLinks(GraphOrigin origin, HttpUrl first) {
        this.origin = origin;
        followed.add(page(first));
    }

    /** The next page's URL from Graph's {@code @odata.nextLink}, or an error that stops the paging. */
    public HttpUrl follow(String link) {
        pages++;
        HttpUrl url = HttpUrl.parse(link);
        if (url == null) {
            throw new ShellException("Graph's link to the next page is not a URL ('" + link
                    + "'); paging stopped after " + pages(pages) + ".");
        }
        if (!origin.owns(url)) {
            throw new ShellException("Graph's link to the next page points to " + GraphOrigin.describe(url)
                    + ", off this connection's Graph endpoint " + origin + "; not followed (the token goes to "
                    + origin + " only), paging stopped after " + pages(pages) + ".");
        }
        if (!followed.add(page(url))) {
            throw new ShellException("Graph's link to the next page leads back to a page already fetched ("
                    + url.encodedPath() + "); paging stopped after " + pages(pages) + " rather than loop forever.");
        }
        return url;
    }

    /**
     * Which page a URL asks for, whatever its percent-encoding: graph-core's middleware decodes
     * {@code %24top} to {@code $top} on the way out, so a link may spell the first page differently.
     */
    private static String page(HttpUrl url) {
        StringBuilder page = new StringBuilder(url.encodedPath());
        for (int i = 0; i < url.querySize(); i++) {
            page.append(i == 0 ? '?' : '&')
                    .append(url.queryParameterName(i))
                    .append('=')
                    .append(url.queryParameterValue(i));
        }
        return page.toString();
    }

    private static String pages(int count) {
        return count == 1 ? "1 page" : count + " pages";
    }
}

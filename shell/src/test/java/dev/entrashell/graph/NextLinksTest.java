package dev.entrashell.graph;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.entrashell.errors.ShellException;
import dev.entrashell.net.GraphOrigin;
import okhttp3.HttpUrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NextLinksTest {
    private static final GraphOrigin GRAPH = GraphOrigin.of(URI.create("https://graph.microsoft.com"));

    @Test
    void followsLinksOnTheOriginWhateverThePortSpelling() {
        NextLinks links = new NextLinks(GRAPH, HttpUrl.get("https://graph.microsoft.com/v1.0/users?%24top=5"));

        assertThat(links.follow("https://graph.microsoft.com:443/v1.0/users?$top=5&$skiptoken=a"))
                .hasToString("https://graph.microsoft.com/v1.0/users?$top=5&$skiptoken=a");
        assertThat(links.follow("https://GRAPH.microsoft.com/v1.0/users?$top=5&$skiptoken=b"))
                .isNotNull();
    }

    @Test
    void refusesAnotherPortSchemeOrHostNamingIt() {
        for (String link : new String[] {
            "https://graph.microsoft.com:8443/v1.0/users?$skiptoken=a",
            "http://graph.microsoft.com/v1.0/users?$skiptoken=a",
            "https://graph.microsoft.com.evil.example/v1.0/users?$skiptoken=a"
        }) {
            NextLinks links = new NextLinks(GRAPH, HttpUrl.get("https://graph.microsoft.com/v1.0/users"));
            assertThatThrownBy(() -> links.follow(link))
                    .isInstanceOf(ShellException.class)
                    .hasMessageContaining(GraphOrigin.describe(HttpUrl.get(link)))
                    .hasMessageContaining("not followed")
                    .hasMessageContaining("paging stopped after 1 page.");
        }
    }

    @Test
    void stopsALinkBackToAPageAlreadyFetched() {
        NextLinks links = new NextLinks(GRAPH, HttpUrl.get("https://graph.microsoft.com/v1.0/users?%24top=5"));
        links.follow("https://graph.microsoft.com/v1.0/users?$top=5&$skiptoken=a");
        links.follow("https://graph.microsoft.com/v1.0/users?$top=5&$skiptoken=b");

        assertThatThrownBy(() -> links.follow("https://graph.microsoft.com/v1.0/users?%24top=5&%24skiptoken=a"))
                .hasMessage("Graph's link to the next page leads back to a page already fetched (/v1.0/users);"
                        + " paging stopped after 3 pages rather than loop forever.");
    }

    @Test
    void refusesWhatIsNotAUrl() {
        NextLinks links = new NextLinks(GRAPH, HttpUrl.get("https://graph.microsoft.com/v1.0/users"));

        assertThatThrownBy(() -> links.follow("/v1.0/users?$skiptoken=a"))
                .hasMessageContaining("is not a URL ('/v1.0/users?$skiptoken=a')");
    }
}

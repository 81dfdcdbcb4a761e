package dev.entrashell.graph;

import org.junit.jupiter.api.Test;

import dev.entrashell.session.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphUrlsTest {
    private final Environment global =
            Environment.builtIn("Global", "https://login.microsoftonline.com", "https://graph.microsoft.com");

    /** Paths are relative to the Graph endpoint and API version; a version in the path wins. */
    @Test
    void resolvesPaths() {
        assertThat(GraphUrls.resolve(global, "/users", "v1.0").toString())
                .isEqualTo("https://graph.microsoft.com/v1.0/users");
        assertThat(GraphUrls.resolve(global, "organization", "beta").toString())
                .isEqualTo("https://graph.microsoft.com/beta/organization");
        assertThat(GraphUrls.resolve(global, "/beta/users", "v1.0").toString())
                .isEqualTo("https://graph.microsoft.com/beta/users");
        assertThat(GraphUrls.resolve(global, "/users?$top=5&$filter=startswith(displayName,'A')", "v1.0")
                        .query())
                .isEqualTo("$top=5&$filter=startswith(displayName,'A')");
    }

    /** Absolute URLs are allowed on the Graph host only: the token never goes anywhere else. */
    @Test
    void refusesForeignHosts() {
        assertThat(GraphUrls.resolve(global, "https://graph.microsoft.com/v1.0/users?$skiptoken=x", "v1.0")
                        .host())
                .isEqualTo("graph.microsoft.com");
        assertThatThrownBy(() -> GraphUrls.resolve(global, "https://evil.example.com/v1.0/users", "v1.0"))
                .hasMessageContaining("Refusing to send the token to https://evil.example.com");
        assertThatThrownBy(() -> GraphUrls.resolve(global, "http://graph.microsoft.com/v1.0/users", "v1.0"))
                .hasMessageContaining("Refusing");
        assertThatThrownBy(() -> GraphUrls.resolve(global, "https://graph.microsoft.com:8443/v1.0/users", "v1.0"))
                .hasMessageContaining("Refusing");
    }
}

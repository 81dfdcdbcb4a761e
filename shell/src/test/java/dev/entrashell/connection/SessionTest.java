package dev.entrashell.connection;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.entrashell.auth.Connection;
import dev.entrashell.auth.CredentialType;
import dev.entrashell.auth.SignedInWith;
import dev.entrashell.errors.ShellException;
import dev.entrashell.session.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTest {
    private static Connection connection(String tenant, String environment) {
        return new Connection(
                tenant,
                "11111111-2222-3333-4444-555555555555",
                "Automation",
                new Environment(
                        environment,
                        URI.create("https://login.example"),
                        URI.create("https://graph.example"),
                        null,
                        false),
                new SignedInWith(CredentialType.ClientSecret, null, null),
                false,
                null,
                null);
    }

    @Test
    void namedConnectionsLiveSideBySideAndUseSwitches() {
        Session session = new Session();
        Connection prod = connection("prod.example", "Global");
        Connection test = connection("test.example", "Lab");
        session.connect("prod", prod);
        session.connect("test", test);

        assertThat(session.current()).contains(test);
        assertThat(session.use("PROD")).isTrue();
        assertThat(session.current()).contains(prod);
        assertThat(session.active().orElseThrow().labelWithEnvironment()).isEqualTo("prod");
        assertThat(session.live("test").orElseThrow().labelWithEnvironment()).isEqualTo("test (Lab)");
        assertThat(session.use("missing")).isFalse();
        assertThat(session.current()).contains(prod);
    }

    @Test
    void anUnnamedConnectReplacesTheUnnamedOneOnlyAndANewCredentialKeepsTheName() {
        Session session = new Session();
        session.connect("prod", connection("prod.example", "Global"));
        session.connect(null, connection("a.example", "Global"));
        session.connect(null, connection("b.example", "Global"));
        assertThat(session.all()).extracting(LiveConnection::label).containsExactly("prod", "Automation @ b.example");

        session.use("prod");
        Connection rotated = connection("prod.example", "Global");
        session.connect(rotated);
        assertThat(session.live("prod").orElseThrow().connection()).isSameAs(rotated);
        assertThat(session.all()).hasSize(2);
    }

    @Test
    void disconnectingTheActiveOneLeavesTheOthersLiveAndSaysSo() {
        Session session = new Session();
        session.connect("prod", connection("prod.example", "Global"));
        session.connect("test", connection("test.example", "Global"));

        assertThat(session.disconnect().orElseThrow().name()).isEqualTo("test");
        assertThat(session.current()).isEmpty();
        assertThatThrownBy(session::require)
                .isInstanceOf(ShellException.class)
                .hasMessage("No active connection; 1 live: prod. Choose one with: connection use NAME");
        assertThat(session.disconnect("prod")).isPresent();
        assertThatThrownBy(session::require).hasMessageStartingWith("Not connected.");
    }

    @Test
    void restoreEndsAScriptsDetour() {
        Session session = new Session();
        session.connect("prod", connection("prod.example", "Global"));
        var before = session.active();
        session.connect("test", connection("test.example", "Global"));
        session.restore(before);
        assertThat(session.active().orElseThrow().name()).isEqualTo("prod");

        Session empty = new Session();
        var none = empty.active();
        empty.connect("test", connection("test.example", "Global"));
        empty.restore(none);
        assertThat(empty.active()).isEmpty();
        assertThat(empty.live("test")).isPresent();
    }
}

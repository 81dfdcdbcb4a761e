package dev.entrashell.emulator.graph;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.graph.error.GraphException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkipTokensTest {
    private final SkipTokens tokens = new SkipTokens();
    private final SkipTokens.Cursor cursor =
            new SkipTokens.Cursor(Map.of("filter", "userType eq 'Guest'", "top", "5"), 300, "id-299");

    @Test
    void roundTripsAnOpaquePositionWithTheQuery() throws Exception {
        String token = tokens.encode("t|users", cursor);

        assertThat(token).doesNotContain("300").doesNotContain("Guest").matches("[A-Za-z0-9_-]+");
        assertThat(tokens.decode("t|users", token)).isEqualTo(cursor);
    }

    @Test
    void refusesTokensForAnotherListingAnotherRunOrEdited() {
        String token = tokens.encode("t|users", cursor);

        assertThatThrownBy(() -> tokens.decode("t|groups", token)).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> new SkipTokens().decode("t|users", token)).isInstanceOf(GraphException.class);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String edited = token.substring(0, i) + (c == 'B' ? 'C' : 'B') + token.substring(i + 1);
            assertThatThrownBy(() -> tokens.decode("t|users", edited))
                    .as("edited at %d", i)
                    .isInstanceOf(GraphException.class);
        }
        assertThatThrownBy(() -> tokens.decode("t|users", "***")).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> tokens.decode("t|users", "")).isInstanceOf(GraphException.class);
    }
}

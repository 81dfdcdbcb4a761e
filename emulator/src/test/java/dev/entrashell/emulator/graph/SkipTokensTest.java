package dev.entrashell.emulator.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkipTokensTest {
    private final SkipTokens tokens = new SkipTokens();

    @Test
    void roundTripsAnOpaquePosition() throws Exception {
        String token = tokens.encode("t|users", 300);

        assertThat(token).doesNotContain("300").matches("[A-Za-z0-9_-]+");
        assertThat(tokens.decode("t|users", token)).isEqualTo(300);
    }

    @Test
    void refusesTokensForAnotherListingAnotherRunOrEdited() {
        String token = tokens.encode("t|users", 100);

        assertThatThrownBy(() -> tokens.decode("t|groups", token)).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> new SkipTokens().decode("t|users", token)).isInstanceOf(GraphException.class);
        char third = token.charAt(2);
        String edited = token.substring(0, 2) + (third == 'B' ? 'C' : 'B') + token.substring(3);
        assertThatThrownBy(() -> tokens.decode("t|users", edited)).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> tokens.decode("t|users", "***")).isInstanceOf(GraphException.class);
    }
}

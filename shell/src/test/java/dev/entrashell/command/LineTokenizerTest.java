package dev.entrashell.command;

import org.junit.jupiter.api.Test;

import dev.entrashell.ShellException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineTokenizerTest {

    /** Words split on whitespace; quotes group, and disappear. */
    @Test
    void splitsLikeAShell() {
        assertThat(LineTokenizer.split("  get  '/users?$top=5'   --output json "))
                .containsExactly("get", "/users?$top=5", "--output", "json");
        assertThat(LineTokenizer.split("connect --certificate \"My Certs/app.pfx\""))
                .containsExactly("connect", "--certificate", "My Certs/app.pfx");
        assertThat(LineTokenizer.split("a\\ b 'it''s' \"say \\\"hi\\\"\"")).containsExactly("a b", "its", "say \"hi\"");
        assertThat(LineTokenizer.split("x ''")).containsExactly("x", "");
        assertThat(LineTokenizer.split("   ")).isEmpty();
    }

    /** An unclosed quote is a usage error, not a silent guess. */
    @Test
    void refusesUnclosedQuotes() {
        assertThatThrownBy(() -> LineTokenizer.split("get '/users"))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("Unclosed single quote");
    }
}

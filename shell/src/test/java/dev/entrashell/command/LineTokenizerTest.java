package dev.entrashell.command;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.entrashell.errors.ShellException;

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

    /** Windows paths need no quotes; a leading ~ is the home folder, unless quoted. */
    @Test
    void windowsPathsAndTheHomeFolder() {
        String home = System.getProperty("user.home");
        assertThat(LineTokenizer.split("connect --certificate C:\\certs\\app.pfx --store \\\\server\\share"))
                .containsExactly("connect", "--certificate", "C:\\certs\\app.pfx", "--store", "\\\\server\\share");
        assertThat(LineTokenizer.split("cert new --out ~/upload ~ '~/kept' a~b ~other"))
                .containsExactly("cert", "new", "--out", home + "/upload", home, "~/kept", "a~b", "~other");
    }

    /** An unclosed quote is a usage error, not a silent guess. */
    @Test
    void refusesUnclosedQuotes() {
        assertThatThrownBy(() -> LineTokenizer.split("get '/users"))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("Unclosed single quote");
    }

    /** What the shell prints for a user to paste back (a connect line with a path) splits back to the same word. */
    @Test
    void quotedWordsComeBackWhole() {
        for (String word : List.of(
                "plain/path.pfx",
                "/home/u/my pw.txt",
                "C:\\Users\\Ann\\certs\\app.pfx",
                "it's here",
                "$HOME/\"x\"",
                "")) {
            assertThat(LineTokenizer.split("connect --password-file " + LineTokenizer.quote(word)))
                    .as(word)
                    .containsExactly("connect", "--password-file", word);
        }
        assertThat(LineTokenizer.quote("plain/path.pfx")).isEqualTo("plain/path.pfx");
    }
}

package dev.entrashell.repl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/** What Tab offers at the prompt: Graph paths after the verbs, and option values from the shell's own state. */
class GraphAwareCompleterTest {
    @TempDir
    Path home;

    private GraphAwareCompleter completer;

    @BeforeEach
    void shell() {
        TestShell shell = new TestShell(home, Map.of(), false);
        completer = new GraphAwareCompleter(() -> shell.commandLine().getCommandSpec());
    }

    private List<String> tab(String line) {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        List<Candidate> candidates = new ArrayList<>();
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        completer.complete(null, parsed, candidates);
        // JLine shows only the candidates that start with the word typed, in any case (the shell sets
        // CASE_INSENSITIVE); picocli hands it them all.
        return candidates.stream()
                .map(Candidate::value)
                .filter(value -> value.regionMatches(
                        true, 0, parsed.word(), 0, parsed.word().length()))
                .toList();
    }

    @Test
    void graphPathsAfterEachVerb() {
        assertThat(tab("get /users/adele@contoso.com/ma")).containsExactly("/users/adele@contoso.com/manager");
        assertThat(tab("get --all --output csv /gr")).containsExactly("/groups");
        assertThat(tab("post /groups/g1/")).containsExactlyInAnyOrder("/groups/g1/members", "/groups/g1/owners");
        assertThat(tab("delete /applications/")).isEmpty(); // an id comes next: never guessed
    }

    @Test
    void optionValuesAndOptionsAreStillPicocli() {
        assertThat(tab("get --out /tm")).as("a file name, not a Graph path").doesNotContain("/users");
        assertThat(tab("get /users --se")).contains("--select", "--search");
        assertThat(tab("connect --environment US")).containsExactlyInAnyOrder("USGov", "USGovDoD");
    }

    @Test
    void thumbprintsFromTheStore() throws Exception {
        Path certs = Files.createDirectories(home.resolve("certs"));
        Files.writeString(certs.resolve("0f3a7c1e9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f01.pfx"), "not read");
        Files.writeString(certs.resolve("team-app.pfx"), "not named by its thumbprint: not offered");
        assertThat(tab("connect --tenant-id t --client-id c --thumbprint 0F"))
                .containsExactly("0F3A7C1E9B2D4F6A8C0E1B3D5F7A9C2E4B6D8F01");
        assertThat(tab("cert show 0")).containsExactly("0F3A7C1E9B2D4F6A8C0E1B3D5F7A9C2E4B6D8F01");
        assertThat(tab("cert export 0f3a")).containsExactly("0F3A7C1E9B2D4F6A8C0E1B3D5F7A9C2E4B6D8F01");
    }
}

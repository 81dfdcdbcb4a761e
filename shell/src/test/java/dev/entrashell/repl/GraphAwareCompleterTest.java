package dev.entrashell.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
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

    private List<String> tab(String line) throws IOException {
        return offered(line).stream().map(Candidate::value).toList();
    }

    private List<Candidate> offered(String line) throws IOException {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(null); // as InteractiveShell
        List<Candidate> candidates = new ArrayList<>();
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        try (Terminal terminal = TerminalBuilder.builder()
                .dumb(true)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                .build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            completer.complete(reader, parsed, candidates);
        }
        // JLine shows only the candidates that start with the word typed, in any case (the shell sets
        // CASE_INSENSITIVE); picocli hands it them all.
        return candidates.stream()
                .filter(candidate -> candidate
                        .value()
                        .regionMatches(true, 0, parsed.word(), 0, parsed.word().length()))
                .toList();
    }

    @Test
    void graphPathsAfterEachVerb() throws IOException {
        assertThat(tab("get /users/adele@contoso.com/man")).containsExactly("/users/adele@contoso.com/manager");
        assertThat(tab("get --all --output csv /gr")).contains("/groups");
        assertThat(tab("post /groups/g1/")).contains("/groups/g1/members", "/groups/g1/owners");
        assertThat(tab("delete /users/")).isEmpty(); // an id comes next: never guessed
    }

    /** Beyond the directory, from Microsoft's map, each offer naming the least privileged role it needs. */
    @Test
    void graphPathsNameTheRoleTheyNeed() throws IOException {
        assertThat(offered("get /auditLogs/signI"))
                .extracting(c -> c.value() + " " + c.descr())
                .containsExactly("/auditLogs/signIns AuditLog.Read.All");
        assertThat(offered("get /identityProtection/riskyU"))
                .extracting(c -> c.value() + " " + c.descr())
                .containsExactly("/identityProtection/riskyUsers IdentityRiskyUser.Read.All");
    }

    @Test
    void optionValuesAndOptionsAreStillPicocli() throws IOException {
        assertThat(tab("get --out /tm")).as("a file name, not a Graph path").doesNotContain("/users");
        assertThat(tab("get /users --se")).contains("--select", "--search");
        assertThat(tab("connect --environment US")).containsExactlyInAnyOrder("USGov", "USGovDoD");
    }

    /** Wherever a connection name is taken: the saved names (read when Tab is pressed). */
    @Test
    void connectionNamesWhereverOneIsTaken() throws Exception {
        Files.writeString(
                home.resolve("connections.json"),
                "{\"connections\": [{\"name\": \"prod-eu\", \"credential\": {\"env\": \"true\"}},"
                        + " {\"name\": \"prod-us\", \"credential\": {\"env\": \"true\"}},"
                        + " {\"name\": \"test\", \"credential\": {\"env\": \"true\"}}]}");
        assertThat(tab("connect pr")).containsExactlyInAnyOrder("prod-eu", "prod-us");
        assertThat(tab("connection use t")).containsExactly("test");
        assertThat(tab("connection show prod-e")).containsExactly("prod-eu");
        assertThat(tab("connection remove prod-u")).containsExactly("prod-us");
        assertThat(tab("disconnect te")).containsExactly("test");
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

    /** Every argument that takes a file or folder completes names from the disk, and only those do. */
    @Test
    void filePathsForEveryFileArgument() throws Exception {
        Path certs = Files.createDirectories(home.resolve("files/certs"));
        Files.writeString(home.resolve("files/app.pfx"), "x");
        Files.writeString(home.resolve("files/app.pem"), "x");
        String dir = home.resolve("files") + "/";
        String pfx = dir + "app.pfx";
        String folder = certs + "/";
        for (String option : List.of(
                "connect --certificate ",
                "connect --certificate-path ",
                "connect --password-file ",
                "connect --secret-file ",
                "connect --federated-token-file ",
                "connect --access-token-file ",
                "connect --store ",
                "cert list --store ",
                "cert new --out ",
                "cert export 0F3A --out ",
                "environment add X --ca-file ",
                "get /users --out ",
                "cert show ",
                "cert import ",
                "run ")) {
            assertThat(tab(option + dir + "app.p")).as(option).containsExactlyInAnyOrder(pfx, dir + "app.pem");
            assertThat(tab(option + dir + "ce")).as(option).containsExactly(folder);
        }
        assertThat(tab("get /users --out=" + dir + "app.pf")).containsExactly("--out=" + pfx);
        assertThat(tab("post /groups --body @" + dir + "app.pf")).containsExactly("@" + pfx);
        assertThat(tab("post /groups --body=@" + dir + "app.pf")).containsExactly("--body=@" + pfx);
        assertThat(tab("post /groups --body " + dir))
                .as("JSON, not a file, without the @")
                .isEmpty();
        assertThat(tab("connect --tenant-id " + dir)).as("not a file").isEmpty();
        assertThat(tab("connect --secret-env " + dir)).as("a variable's name").isEmpty();
    }

    /** A name with a space comes quoted, so the line splits back into the same words. */
    @Test
    void aNameWithASpaceIsQuoted() throws Exception {
        Files.writeString(Files.createDirectories(home.resolve("my certs")).resolve("app.pfx"), "x");
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(null);
        String line = "connect --certificate " + home + "/my";
        CompletingParsedLine parsed =
                (CompletingParsedLine) parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        assertThat(tab(line)).containsExactly(home + "/my certs/");
        assertThat(parsed.escape(home + "/my certs/app.pfx", true).toString())
                .isEqualTo("'" + home + "/my certs/app.pfx'");
    }

    /** Scripts by name, and by path too; thumbprints and files for cert show. */
    @Test
    void namesAndPathsTogether() throws Exception {
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Files.writeString(scripts.resolve("expiring-credentials.groovy"), "");
        assertThat(tab("run exp")).containsExactly("expiring-credentials");
        assertThat(tab("run " + scripts + "/exp")).containsExactly(scripts + "/expiring-credentials.groovy");
    }

    @Test
    void helpCompletesCommandNames() throws Exception {
        assertThat(tab("help con")).containsExactlyInAnyOrder("connect", "connection", "context");
        assertThat(tab("help cert ")).contains("new", "list", "show", "export", "import");
        assertThat(tab("help cert n")).containsExactly("new");
    }
}

package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.DieAfterPages;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Output in unattended runs, which must neither hang nor lie. {@code entra-shell ... | head}: when
 * standard output's reader goes away, the run ends by itself, quietly, with 141 (as a program killed by
 * SIGPIPE), and stops fetching pages nobody will read. {@code --out FILE}: the file appears only when
 * complete, a failed write is one error line (never a success line), and exported data is readable by
 * its owner only.
 */
@EmulatorTest
class UnattendedOutputIT {
    /** Start-up, Groovy's compiler and a connect take a few seconds on a busy machine; a hang takes forever. */
    private static final Duration BOUND = Duration.ofSeconds(45);

    @TempDir
    static Path home;

    @TempDir
    Path work;

    private static Emulator emulator;
    private static String connect;

    @BeforeAll
    static void start() throws Exception {
        connect = ShellProcess.demoAppConnectLine(emulator, home);
    }

    @AfterEach
    void serveEveryPage() {
        emulator.setDieAfterPages(DieAfterPages.off());
    }

    @Test
    void groovyLoopPrintingForeverEnds() throws Exception {
        ShellProcess.Result result =
                new ShellProcess(home).runIntoClosingPipe(2, BOUND, "-c", "groovy 'while (true) println 1'");
        assertThat(result.out()).isEqualTo("1\n1\n");
        assertQuietBrokenPipe(result);
    }

    @Test
    void savedScriptPrintingWithSystemOutEnds() throws Exception {
        Path script = Files.writeString(home.resolve("forever.groovy"), """
                int n = 0
                while (true) {
                    System.out.println("line " + n++)
                }
                """);
        ShellProcess.Result result = new ShellProcess(home).runIntoClosingPipe(2, BOUND, script.toString());
        assertThat(result.out()).isEqualTo("line 0\nline 1\n");
        assertQuietBrokenPipe(result);
    }

    @Test
    void savedScriptPrintingThroughOutEnds() throws Exception {
        Path script = Files.writeString(home.resolve("forever-out.groovy"), """
                while (true) {
                    out.println('x')
                }
                """);
        ShellProcess.Result result = new ShellProcess(home).runIntoClosingPipe(2, BOUND, script.toString());
        assertThat(result.out()).isEqualTo("x\nx\n");
        assertQuietBrokenPipe(result);
    }

    /** {@code get /users --all --output csv | head -3}: 30 pages of 10 users; the shell stops after a few. */
    @Test
    void pagingStopsWhenNobodyReads() throws Exception {
        int before = emulator.requests().size();
        ShellProcess.Result result = new ShellProcess(home)
                .runIntoClosingPipe(
                        3,
                        BOUND,
                        "-c",
                        connect,
                        "-c",
                        "get /users --all --top 10 --select id,displayName --output csv",
                        "-c",
                        "post /groups --body '{}'");
        assertThat(result.out()).startsWith("id,displayName\n");
        List<RecordedRequest> pages = emulator
                .requests()
                .subList(before, emulator.requests().size())
                .stream()
                .filter(r -> r.server().equals(Emulator.GRAPH_SERVER))
                .toList();
        assertThat(pages)
                .as("no line after the broken pipe runs, and paging stops far short of the 30 pages")
                .allSatisfy(r -> assertThat(r.pathAndQuery()).startsWith("/v1.0/users"))
                .hasSizeLessThan(10);
        assertQuietBrokenPipe(result);
    }

    private static void assertQuietBrokenPipe(ShellProcess.Result result) {
        assertThat(result.err()).as("nothing on stderr").isEmpty();
        assertThat(result.exitCode()).as("128 + SIGPIPE").isEqualTo(141);
    }

    /** Graph dies after 3 of 30 pages: no users.csv (not 30 whole rows that look like all of them), no leftovers. */
    @Test
    void serverDyingMidExportLeavesNoFile() throws Exception {
        Path out = work.resolve("users.csv");
        emulator.setDieAfterPages(DieAfterPages.after(3));
        ShellProcess.Result result =
                new ShellProcess(home).run(connect, "get /users --all --top 10 --output csv --out " + out);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString().doesNotStartWith("Wrote");
        assertThat(files(work))
                .as("nothing under the final name, no partial file beside it")
                .isEmpty();
    }

    /** With --force, a failed export leaves the file it would have replaced as it was. */
    @Test
    void failedReplacementKeepsTheOldFile() throws Exception {
        Path out = Files.writeString(work.resolve("users.csv"), "yesterday's export\n");
        emulator.setDieAfterPages(DieAfterPages.after(2));
        ShellProcess.Result result =
                new ShellProcess(home).run(connect, "get /users --all --top 10 --output csv --force --out " + out);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(Files.readString(out)).isEqualTo("yesterday's export\n");
        assertThat(files(work)).containsExactly(out);
    }

    /** A full disk: one error line, no "Wrote 100 items" before it. */
    @Test
    void writeFailureIsOneErrorLine() throws Exception {
        ShellProcess.Result result = new ShellProcess(home).run(connect, "get /users --output csv --out /dev/full");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("Cannot write --out /dev/full: No space left on device.");
    }

    /** Standard output on a full disk is no success either. */
    @Test
    void fullStandardOutputIsOneErrorLine() throws Exception {
        ShellProcess.Result result =
                new ShellProcess(home).runWithStdoutTo(Path.of("/dev/full"), connect, "get /users --output csv");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("Cannot write to standard output: No space left on device.");
    }

    /** A new export is owner-only (it may hold directory data); a replaced file keeps the mode it had. */
    @Test
    void exportedDataIsOwnerOnly() throws Exception {
        Path fresh = work.resolve("fresh.json");
        Path shared = Files.writeString(work.resolve("shared.json"), "[]");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        ShellProcess.Result result = new ShellProcess(home)
                .run(connect, "get /users --top 5 --out " + fresh, "get /users --top 5 --force --out " + shared);
        assertThat(result.exitCode()).as(result.err()).isZero();
        // Each: the hint that more pages exist (a page of 5 of many), then where the items went.
        assertThat(result.errLines()).hasSize(4);
        assertThat(result.errLines().get(0)).startsWith("More results: add --all");
        assertThat(result.errLines().get(1)).isEqualTo("Wrote 5 items to " + fresh + ".");
        assertThat(result.errLines().get(2)).startsWith("More results: add --all");
        assertThat(result.errLines().get(3)).isEqualTo("Wrote 5 items to " + shared + ".");
        assertThat(mode(fresh)).isEqualTo("rw-------");
        assertThat(mode(shared)).isEqualTo("rw-rw-r--");
        assertThat(Files.readString(shared)).contains("userPrincipalName");
        assertThat(files(work)).containsExactlyInAnyOrder(fresh, shared);
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}

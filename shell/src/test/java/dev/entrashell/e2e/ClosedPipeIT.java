package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.DemoTenant;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code entra-shell ... | head}: when standard output's reader goes away, the run ends by itself,
 * quietly, with 141 (as a program killed by SIGPIPE), and stops fetching pages nobody will read.
 */
class ClosedPipeIT {
    /** Start-up, Groovy's compiler and a connect take a few seconds on a busy machine; a hang takes forever. */
    private static final Duration BOUND = Duration.ofSeconds(45);

    @TempDir
    static Path home;

    private static Emulator emulator;
    private static String connect;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults());
        DemoTenant demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --secret-file " + secret + " --no-welcome";
    }

    @AfterAll
    static void stop() {
        emulator.close();
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
}

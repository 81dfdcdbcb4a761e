package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.faults.GraphFaults;
import dev.entrashell.emulator.http.ResponseFault;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing unattended hangs: {@code connect --timeout} bounds a whole Graph exchange, a body trickling a
 * byte a second included (retries that would end past it are in GraphWritesAndRetriesTest, on a test clock), in the commands, the script helpers and the SDK's typed client;
 * and paging that would never end (a link back to a page already fetched) stops with a line saying so.
 * The bounds asserted are generous (several times the deadline): they tell a bounded run from one that
 * hangs until the test's own 90 s limit, not a fast run from a slow one.
 */
@EmulatorTest(users = 30)
class DeadlineIT {
    private static Emulator emulator;
    private static String connect;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        DemoTenant demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --secret-file " + secret + " --no-welcome --timeout 3";
    }

    @AfterEach
    void behave() {
        emulator.setGraphFault(ResponseFault.NONE);
    }

    @Test
    void aTricklingBodyEndsAtTheDeadline() throws Exception {
        emulator.setGraphFault(GraphFaults.trickle(Duration.ofMillis(500)));

        Timed run = timed(() -> shell().run(connect, "get /organization --output json"));

        assertThat(run.result().exitCode()).as(run.result().err()).isEqualTo(1);
        assertThat(run.result().errLines()).hasSize(1);
        assertThat(run.result().err())
                .contains("No complete answer from " + origin() + " within 3 s")
                .contains("connect --timeout");
        assertThat(run.result().out()).isEmpty();
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aTricklingBodyEndsAtTheDeadlineInScripts() throws Exception {
        emulator.setGraphFault(GraphFaults.trickle(Duration.ofMillis(500)));

        Timed helper = timed(() -> script("get('/organization')"));
        Timed typed = timed(() -> script("graph.organization().get()"));

        for (Timed run : new Timed[] {helper, typed}) {
            assertThat(run.result().exitCode()).as(run.result().err()).isEqualTo(1);
            assertThat(run.result().errLines()).as(run.result().err()).hasSize(1);
            assertThat(run.result().err()).contains("No complete answer", "deadline", "connect --timeout");
            assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(25));
        }
    }

    @Test
    void pagingThatLoopsBackStops() throws Exception {
        emulator.setGraphFault(GraphFaults.loopingNextLink());

        ShellProcess.Result cli = shell().run(connect, "get /users --top 5 --all --output csv");
        ShellProcess.Result helper = script("all('/users?$top=5').each { out.println(it.id) }");

        for (ShellProcess.Result run : new ShellProcess.Result[] {cli, helper}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.errLines()).as(run.err()).hasSize(1);
            assertThat(run.err()).contains("leads back to a page already fetched (/v1.0/users)");
        }
        // The five items of the one page fetched were written before paging stopped.
        assertThat(cli.out().lines().count()).isEqualTo(1 + 5);
        assertThat(helper.out().lines().count()).isEqualTo(5);
    }

    private static String origin() {
        return "https://127.0.0.1:" + emulator.graphEndpoint().getPort();
    }

    private record Timed(ShellProcess.Result result, Duration elapsed) {}

    private interface Run {
        ShellProcess.Result run() throws Exception;
    }

    private static Timed timed(Run run) throws Exception {
        long started = System.nanoTime();
        ShellProcess.Result result = run.run();
        return new Timed(result, Duration.ofNanos(System.nanoTime() - started));
    }

    private static ShellProcess shell() {
        return new ShellProcess(home);
    }

    private static ShellProcess.Result script(String text) throws Exception {
        Path file = Files.createTempFile(home, "deadline-", ".groovy");
        Files.writeString(file, text);
        return shell().runWithInput("", "-c", connect, file.toString());
    }
}

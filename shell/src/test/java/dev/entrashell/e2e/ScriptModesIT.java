package dev.entrashell.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts as a cron job and a person run them, through the jar: {@code entra-shell -c 'connect --env'
 * FILE.groovy ARGS} with only environment variables, the exit codes and error lines of a failing
 * script, and on a pseudo-terminal Groovy mode over several lines and Ctrl-C of a busy script.
 */
// Measures how soon a prompt comes back after Ctrl-C: alone, so another class's shells do not take its core.
@Isolated
@EmulatorTest
class ScriptModesIT {
    @TempDir
    static Path home;

    private static Emulator emulator;
    private static DemoTenant demo;
    private static ShellProcess shell;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        shell = new ShellProcess(home);
        shell.addEnvironment(emulator, ca);
    }

    /** What a crontab line runs: the AZURE_* variables and ENTRA_SHELL_HOME, no terminal, no input. */
    @Test
    void cronExportsEveryUser() throws Exception {
        Path csv = home.resolve("out.csv");
        ShellProcess cron = new ShellProcess(home)
                .env("AZURE_TENANT_ID", demo.tenantId())
                .env("AZURE_CLIENT_ID", demo.clientId())
                .env("AZURE_CLIENT_SECRET", demo.clientSecret());

        ShellProcess.Result result = cron.runWithInput(
                "",
                "-c",
                "connect --env --environment Emu --no-welcome",
                ScriptsIT.SCRIPTS.resolve("users-export.groovy").toString(),
                csv.toString());

        int users = emulator.directory().objects(demo.tenantId()).users().size();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Wrote " + users + " users to " + csv + "\n");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(users + 1);
        assertThat(lines.get(0)).startsWith("id,displayName,userPrincipalName,mail,userType");
    }

    @Test
    void aFailingScriptNamesItsLineAndExitsWithOneOrItsOwnCode() throws Exception {
        Path broken =
                Files.writeString(home.resolve("broken.groovy"), "def users = [:]\n\nout.println users.first.name\n");
        Path fussy = Files.writeString(home.resolve("fussy.groovy"), "if (args != ['--strict']) { exit(4) }\n");

        ShellProcess.Result failed = shell.runWithInput("", broken.toString());
        ShellProcess.Result traced = shell.runWithInput("", "--debug", broken.toString());
        ShellProcess.Result own = shell.runWithInput("", fussy.toString(), "--lenient");
        ShellProcess.Result fine = shell.runWithInput("", fussy.toString(), "--strict");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.errLines())
                .containsExactly(
                        "broken.groovy, line 3: NullPointerException: Cannot get property 'name' on null object");
        assertThat(traced.exitCode()).isEqualTo(1);
        assertThat(traced.err()).contains("at broken.run(broken.groovy:3)");
        assertThat(own.exitCode()).isEqualTo(4);
        assertThat(own.err()).isEmpty();
        assertThat(fine.exitCode()).isZero();
    }

    /** Groovy mode keeps state across lines and blocks; Ctrl-C stops a busy script within a second. */
    @Test
    void groovyModeAndCtrlCOnATerminal() throws Exception {
        Path spin = Files.writeString(
                home.resolve("spin.groovy"), "out.println 'spinning'; out.flush()\nlong n = 0\nwhile (true) { n++ }\n");
        List<Long> seenAt = new ArrayList<>();

        ShellProcess.Result result = shell.runTyped(
                List.of(
                        new ShellProcess.Step("entra>", "run " + spin),
                        new ShellProcess.Step("spinning", "\u0003"),
                        new ShellProcess.Step("Interrupted: spin.groovy, line 3 stopped.", null),
                        new ShellProcess.Step("entra>", "groovy"),
                        new ShellProcess.Step("groovy>", "def words = ['Entra',"),
                        new ShellProcess.Step("...>", "  'Shell']"),
                        new ShellProcess.Step("groovy>", "def join(list) { list.join('-') }"),
                        new ShellProcess.Step("groovy>", "join(words) + '!'"),
                        new ShellProcess.Step("Entra-Shell!", null),
                        new ShellProcess.Step("groovy>", "out.println 'loop' + 'ing'; out.flush(); while (true) { }"),
                        new ShellProcess.Step("looping", "\u0003"),
                        new ShellProcess.Step("Interrupted", null),
                        new ShellProcess.Step("groovy>", "words.size() * 21"),
                        new ShellProcess.Step("42", null),
                        new ShellProcess.Step("groovy>", ":exit"),
                        new ShellProcess.Step("entra>", "exit")),
                seenAt);

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(Duration.ofNanos(seenAt.get(2) - seenAt.get(1)))
                .as("from Ctrl-C to the prompt")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(seenAt.get(11) - seenAt.get(10)))
                .as("from Ctrl-C to Groovy mode's prompt")
                .isLessThan(Duration.ofSeconds(1));
    }
}

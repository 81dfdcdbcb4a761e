package dev.entrashell.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.TestShell;
import dev.entrashell.command.LineExecutor;
import dev.entrashell.emulator.DemoTenant;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.errors.ExitCode;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Redactor;
import dev.entrashell.session.ShellHome;
import dev.entrashell.session.Sleeper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive shell in this JVM, on a dumb terminal over piped streams: what it prompts, that typed
 * lines run, that a failing line leaves it running, and how it ends. What needs a real screen (Tab,
 * Ctrl-C, colors, the prompt redrawn around output) stays in the pseudo-terminal tests under e2e.
 */
@EmulatorTest(users = 5)
class InteractiveShellTest {
    private static Emulator emulator;

    @TempDir
    Path home;

    private final StringWriter err = new StringWriter();

    /** What the terminal showed and how the shell ended. */
    private record Session(int exitCode, String screen) {}

    private Session type(String... lines) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        byte[] typed = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Terminal terminal = new DumbTerminal(
                "test", Terminal.TYPE_DUMB, new ByteArrayInputStream(typed), screen, StandardCharsets.UTF_8);
        InteractiveShell shell = new InteractiveShell(terminal, new PrintWriter(err, true), true);
        Redactor redactor = new Redactor();
        ShellServices services = ShellServices.start(
                new ShellHome(home),
                shell.output(),
                shell.prompter(),
                new Diagnostics(false, new PrintWriter(err, true), redactor),
                new HashMap<>(),
                Clock.systemUTC(),
                Sleeper.system());
        TestShell.addEnvironment(services, emulator, home);
        int code = shell.run(services, LineExecutor::new);
        return new Session(code, screen.toString(StandardCharsets.UTF_8));
    }

    private String connect() throws IOException {
        DemoTenant demo = emulator.demo();
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        return "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --secret-file " + secret + " --no-welcome";
    }

    @Test
    void promptsRunsLinesAndNamesTheConnectionInThePrompt() throws Exception {
        Session session = type("environment list", connect(), "get /organization --output list", "exit");

        assertThat(session.exitCode()).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(session.screen())
                .as("no color codes on a dumb terminal")
                .doesNotContain("\u001b[")
                .startsWith("entra> ")
                .contains("Emu")
                .contains("entra [Entra Shell Demo @ " + emulator.demo().tenantId() + " (Emu)]> ")
                .containsPattern("displayName\\s+: " + emulator.demo().organizationName());
    }

    @Test
    void aFailingLineIsReportedAndTheShellGoesOn() throws Exception {
        Session session = type("get /organization", "no-such-command", "environment list", "exit");

        assertThat(session.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("Not connected").contains("no-such-command");
        assertThat(session.screen()).contains("Emu");
    }

    @Test
    void exitEndsTheShellAndLaterLinesDoNotRun() throws Exception {
        Session session = type("exit", "environment list");

        assertThat(session.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(session.screen()).isEqualTo("entra> ");
    }

    @Test
    void endOfInputEndsTheShellLikeCtrlD() throws Exception {
        Session session = type("environment list");

        assertThat(session.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(session.screen()).contains("Emu").endsWith("entra> ");
        assertThat(Files.readString(new ShellHome(home).historyFile())).contains("environment list");
    }
}

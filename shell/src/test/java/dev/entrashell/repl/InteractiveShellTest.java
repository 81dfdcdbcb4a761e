package dev.entrashell.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.TestShell;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.errors.ExitCode;
import dev.entrashell.session.ShellHome;

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

    private TypedSession type(String... lines) throws IOException {
        TestShell.against(emulator, home); // saves environment Emu in the home
        return TypedSession.type(home, List.of(lines));
    }

    private String connect() throws IOException {
        DemoTenant demo = emulator.demo();
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        return "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --secret-file " + secret + " --no-welcome";
    }

    @Test
    void promptsRunsLinesAndNamesTheConnectionInThePrompt() throws Exception {
        TypedSession session = type("environment list", connect(), "get /organization --output list", "exit");

        assertThat(session.exitCode()).as(session.err()).isEqualTo(ExitCode.OK);
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
        TypedSession session = type("get /organization", "no-such-command", "environment list", "exit");

        assertThat(session.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(session.err()).contains("Not connected").contains("no-such-command");
        assertThat(session.screen()).contains("Emu");
    }

    @Test
    void exitEndsTheShellAndLaterLinesDoNotRun() throws Exception {
        TypedSession session = type("exit", "environment list");

        assertThat(session.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(session.screen()).isEqualTo("entra> ");
    }

    @Test
    void endOfInputEndsTheShellLikeCtrlD() throws Exception {
        TypedSession session = type("environment list");

        assertThat(session.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(session.screen()).contains("Emu").endsWith("entra> ");
        assertThat(Files.readString(new ShellHome(home).historyFile())).contains("environment list");
    }
}

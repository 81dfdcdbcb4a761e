package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tab on a real terminal: a command, a Graph path and a thumbprint from the store (typed in lower case)
 * are completed, and what ran (the history) is the completed line.
 */
class CompletionIT {
    private static final String THUMBPRINT = "0F3A7C1E9B2D4F6A8C0E1B3D5F7A9C2E4B6D8F01";

    @TempDir
    Path home;

    @Test
    void tabCompletesCommandsPathsAndThumbprints() throws Exception {
        Path certs = Files.createDirectories(home.resolve("certs"));
        Files.writeString(certs.resolve(THUMBPRINT + ".pfx"), "only its name is read by Tab");
        ShellProcess shell = new ShellProcess(home);

        ShellProcess.Result result = shell.runTyped(List.of(
                new ShellProcess.Step("entra>", "environment l\t"),
                new ShellProcess.Step("USGovDoD", null),
                new ShellProcess.Step("entra>", "get /organiz\t"),
                new ShellProcess.Step("Not connected", null),
                new ShellProcess.Step("entra>", "connect --client-id c --thumbprint 0f3a7c1e9b\t"),
                new ShellProcess.Step("entra>", "history"),
                new ShellProcess.Step("history", null),
                new ShellProcess.Step("entra>", "exit")));

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out())
                .contains("environment list")
                .contains("get /organization")
                .contains("connect --client-id c --thumbprint " + THUMBPRINT);
    }
}

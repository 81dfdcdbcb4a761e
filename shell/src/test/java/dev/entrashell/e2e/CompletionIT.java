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

    /**
     * Tab completes file names for a file argument, quoting a folder with a space so the line runs
     * whole, after the @ of --body, and command names after help; the history shows the lines that ran.
     */
    @Test
    void tabCompletesFilesAndHelpTopics() throws Exception {
        Path folder = Files.createDirectories(home.resolve("my certs"));
        Files.writeString(folder.resolve("app.cer"), "not a certificate");
        Files.writeString(home.resolve("body.json"), "{\"displayName\": \"Sales\"}");
        ShellProcess shell = new ShellProcess(home);

        ShellProcess.Result result = shell.runTyped(List.of(
                new ShellProcess.Step("entra>", "cert show " + home + "/my\t\t"),
                new ShellProcess.Step("entra>", "post /groups --body @" + home + "/bo\t"),
                new ShellProcess.Step("entra>", "help cer\t"),
                new ShellProcess.Step("entra>", "history"),
                new ShellProcess.Step("history", null),
                new ShellProcess.Step("entra>", "exit")));

        assertThat(result.exitCode()).as(result.out()).isZero();
        List<String> history = Files.readAllLines(home.resolve("history"));
        assertThat(history.stream().map(line -> line.replaceFirst("^\\d+:", "")))
                .as(result.out())
                .contains(
                        "cert show '" + folder + "/app.cer'",
                        "post /groups --body @" + home + "/body.json",
                        "help cert");
    }
}

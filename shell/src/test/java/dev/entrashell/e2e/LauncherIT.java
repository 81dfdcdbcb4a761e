package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./entra-shell} launcher at the project root, run through a symbolic link from another
 * folder as a user's PATH would: the first start after a build trains the start-up archive in the
 * background from a fixed run (not from what that start did), later starts map it until the jar is
 * rebuilt, and a Ctrl-C that the shell handles never ends a run with 130.
 */
class LauncherIT {
    private static final Path LAUNCHER =
            Path.of("..", "entra-shell").toAbsolutePath().normalize();
    private static final Path CACHE = ShellProcess.JAR.getParent();

    @TempDir
    Path home;

    @TempDir
    Path bin;

    @Test
    void firstRunTrainsTheArchiveAndSurvivesCtrlC() throws Exception {
        assertThat(LAUNCHER).isExecutable();
        Path link = Files.createSymbolicLink(bin.resolve("entra-shell"), LAUNCHER);
        Path spin = Files.writeString(
                home.resolve("spin.groovy"), "out.println 'spinning'; out.flush()\nwhile (true) { }\n");
        StartupArchive.awaitTraining(CACHE);
        StartupArchive.delete(CACHE);
        ShellProcess shell = new ShellProcess(home)
                .viaLauncher(link)
                .env("JAVA_HOME", System.getProperty("java.home"))
                .env("ENTRA_SHELL_JAVA_OPTS", null);

        ShellProcess.Result first = shell.runTyped(List.of(
                new ShellProcess.Step("entra>", "run " + spin),
                new ShellProcess.Step("spinning", "\u0003"),
                new ShellProcess.Step("Interrupted: spin.groovy, line 2 stopped.", null),
                new ShellProcess.Step("entra>", "exit")));

        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).doesNotContain("building");
        Path archive = StartupArchive.awaitTraining(CACHE);
        assertThat(archive).as("the start-up archive the first start trained").isNotNull();
        FileTime recorded = Files.getLastModifiedTime(archive);

        // The first start ran a script and left; the archive holds what the training did: a sign-in, with
        // MSAL and OkHttp, and picocli's help.
        Path log = home.resolve("class-load.log");
        ShellProcess.Result second = shell.env("ENTRA_SHELL_JAVA_OPTS", "-Xlog:class+load:file=" + log)
                .runWithInput(
                        null,
                        "--demo",
                        "-c",
                        "connect --environment Demo --tenant-id contosodemo.onmicrosoft.com --client-id"
                                + " 9b2e7c41-5a3d-4f6e-8b1c-0d7a2e9f4c85 --subject-name 'CN=Entra Shell Demo' --no-welcome",
                        "-c",
                        "help get");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("Usage: entra-shell get");
        assertThat(Files.readString(log))
                .contains("dev.entrashell.Main source: shared objects file")
                .contains("com.microsoft.aad.msal4j.ConfidentialClientApplication source: shared objects file")
                .contains("okhttp3.OkHttpClient source: shared objects file")
                .contains("picocli.CommandLine$Help source: shared objects file");
        assertThat(Files.getLastModifiedTime(archive)).as("the archive reused").isEqualTo(recorded);

        // JDK 17's archive also holds the first prompt's classes: the training typed lines into an
        // interactive shell on a pseudo-terminal (util-linux script, installed by .ci/run).
        if (Runtime.version().feature() < 25) {
            Path promptLog = home.resolve("prompt-class-load.log");
            ShellProcess.Result prompt = shell.env("ENTRA_SHELL_JAVA_OPTS", "-Xlog:class+load:file=" + promptLog)
                    .runTyped(List.of(new ShellProcess.Step("entra>", "exit")));
            assertThat(prompt.exitCode()).as(prompt.out()).isZero();
            assertThat(Files.readString(promptLog))
                    .contains("org.jline.reader.impl.LineReaderImpl source: shared objects file")
                    .contains("org.jline.terminal.impl.PosixSysTerminal source: shared objects file")
                    .contains("dev.entrashell.repl.GraphAwareCompleter source: shared objects file");
        }

        // A jar rebuilt by hand (mvn package) after the archive: the archive no longer matches it and is trained anew.
        // The archive is made older than the jar, not the jar newer than the archive: what the launcher compares
        // is the same, and the jar the other test classes' shells run (and their class-data archive) stays as built.
        Files.setLastModifiedTime(
                archive,
                FileTime.from(
                        Files.getLastModifiedTime(ShellProcess.JAR).toInstant().minusMillis(10)));
        ShellProcess.Result third = shell.env("ENTRA_SHELL_JAVA_OPTS", null).run("environment list");
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(third.out()).contains("Global").contains("USGovDoD");
        Path retrained = StartupArchive.awaitTraining(CACHE);
        assertThat(retrained).isNotNull();
        assertThat(Files.getLastModifiedTime(retrained).toInstant())
                .isAfter(Files.getLastModifiedTime(ShellProcess.JAR).toInstant())
                .isAfter(recorded.toInstant());
    }
}

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
 * folder as a user's PATH would: the first run after a build records the class-data archive when the
 * JVM exits, later runs use it until the jar is rebuilt, and a Ctrl-C that the shell handles never ends
 * a run with 130.
 */
class LauncherIT {
    private static final Path LAUNCHER =
            Path.of("..", "entra-shell").toAbsolutePath().normalize();
    private static final Path ARCHIVE = ShellProcess.JAR.resolveSibling("entra-shell.jsa");

    @TempDir
    Path home;

    @TempDir
    Path bin;

    @Test
    void firstRunRecordsTheArchiveAndSurvivesCtrlC() throws Exception {
        assertThat(LAUNCHER).isExecutable();
        Path link = Files.createSymbolicLink(bin.resolve("entra-shell"), LAUNCHER);
        Path spin = Files.writeString(
                home.resolve("spin.groovy"), "out.println 'spinning'; out.flush()\nwhile (true) { }\n");
        Files.deleteIfExists(ARCHIVE);
        ShellProcess shell = new ShellProcess(home).viaLauncher(link).env("JAVA_HOME", System.getProperty("java.home"));

        // The run that records the archive cannot exec the JVM: sh waits for it, in the terminal's foreground.
        ShellProcess.Result first = shell.runTyped(List.of(
                new ShellProcess.Step("entra>", "run " + spin),
                new ShellProcess.Step("spinning", "\u0003"),
                new ShellProcess.Step("Interrupted: spin.groovy, line 2 stopped.", null),
                new ShellProcess.Step("entra>", "exit")));

        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).doesNotContain("building");
        assertThat(ARCHIVE)
                .as("the class-data archive written when the first JVM exited")
                .isNotEmptyFile();
        FileTime recorded = Files.getLastModifiedTime(ARCHIVE);

        ShellProcess.Result second = shell.run("environment list");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("Global").contains("USGovDoD");
        assertThat(Files.getLastModifiedTime(ARCHIVE)).as("the archive reused").isEqualTo(recorded);

        // A jar rebuilt by hand (mvn package) after the archive: the archive no longer matches it and is recorded anew.
        Files.setLastModifiedTime(
                ShellProcess.JAR, FileTime.from(recorded.toInstant().plusMillis(10)));
        ShellProcess.Result third = shell.run("environment list");
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(Files.getLastModifiedTime(ARCHIVE).toInstant())
                .isAfter(Files.getLastModifiedTime(ShellProcess.JAR).toInstant());
    }
}

package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The ways to start the real jar: --demo, piped lines, --help/--version, and what --debug shows. */
class ShellModesIT {
    @TempDir
    Path home;

    /**
     * --demo prints connect lines that work (on stderr: stdout is data only), each of them connects and
     * Graph answers; the Demo environment lasts as long as the demo.
     */
    @Test
    void demoLinesWork() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result first = shell.run("environment list");
        assertThat(first.exitCode()).isZero();
        ShellProcess.Result demo = shell.runWithInput("", "--demo", "-c", "environment list --output table");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).doesNotContain("connect ", "Demo tenant");
        List<String> lines = demo.err()
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("connect "))
                .toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("--thumbprint");
        assertThat(lines.get(3)).contains("--secret-file");
        assertThat(demo.out())
                .containsPattern("Demo\\s+https://127.0.0.1:\\d+\\s+https://127.0.0.1:\\d+\\s+User-defined");
        assertThat(shell.run("environment list").out()).doesNotContain("Demo");
        for (String connect : lines) {
            ShellProcess.Result run = shell.runWithInput(
                    "", "--demo", "-c", connect, "-c", "context", "-c", "get /organization --output json");
            assertThat(run.exitCode()).as(connect + "\n" + run.err()).isZero();
            assertThat(run.err()).contains("as 'Entra Shell Demo'");
            assertThat(run.out())
                    .containsPattern("AuthType\\s+: AppOnly")
                    .containsPattern("\"displayName\":\\s*\"Contoso Demo\"");
        }
        // A Demo environment left by a demo that crashed (a dead port) is replaced by the next demo.
        assertThat(shell.run(
                                "environment add Demo --login-endpoint https://127.0.0.1:9 --graph-endpoint https://127.0.0.1:9")
                        .exitCode())
                .isZero();
        ShellProcess.Result afterCrash =
                shell.runWithInput("", "--demo", "-c", lines.get(3), "-c", "get /organization");
        assertThat(afterCrash.exitCode()).as(afterCrash.err()).isZero();
        // The demo's state is kept: the same thumbprint next time, in owner-only files.
        ShellProcess.Result again = shell.runWithInput("", "--demo", "-c", "context");
        assertThat(again.err()).contains(lines.get(0));
        try (Stream<Path> files = Files.walk(home.resolve("demo"))) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
        }
        assertThat(permissions(home.resolve("certs"))).isEqualTo("rwx------");
    }

    /** Lines piped on standard input run in order; the first failure stops the run with its exit code. */
    @Test
    void pipedLines() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result ok = shell.runWithInput("# a comment\n\nenvironment list\nhelp context\n");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("USGovDoD").contains("Usage: entra-shell context");
        ShellProcess.Result failing = shell.runWithInput("environment list\ncontext\nenvironment list\n");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out().split("USGovDoD", -1)).hasSize(2); // the third line never ran
        assertThat(failing.errLines()).singleElement().asString().startsWith("Not connected.");
        ShellProcess.Result usage =
                shell.runWithInput("environment add X --login-endpoint http://a --graph-endpoint https://b\n");
        assertThat(usage.exitCode()).isEqualTo(2);
    }

    /** --help and --version answer without starting anything; an unknown option is a usage error. */
    @Test
    void helpAndVersion() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result help = shell.runWithInput("", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("-c=LINE")
                .contains("--demo")
                .contains("--debug")
                .contains("Exit codes");
        ShellProcess.Result version = shell.runWithInput("", "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("entra-shell 0.1.0");
        ShellProcess.Result bad = shell.runWithInput("", "--frobnicate");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).singleElement().asString().contains("Unknown option: '--frobnicate'");
    }

    /** --debug shows the HTTP exchanges and the token event, and never the password, key or token. */
    @Test
    void debugShowsExchangesNotSecrets() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result demo = shell.runWithInput("", "--demo", "-c", "environment list");
        Matcher pfxLine = Pattern.compile("(connect .*--certificate \\S+demo-app.pfx --password-file (\\S+))")
                .matcher(demo.err());
        assertThat(pfxLine.find()).isTrue();
        String password = Files.readString(Path.of(pfxLine.group(2))).strip();
        String keyBody = Files.readString(home.resolve("demo/demo-app.pem"))
                .split("-----BEGIN PRIVATE KEY-----")[1]
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow();
        ShellProcess.Result run = shell.runWithInput(
                "", "--demo", "--debug", "-c", pfxLine.group(1), "-c", "get /users", "-c", "get /nothing-here");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("[debug] HTTP POST https://127.0.0.1:")
                .contains("[debug] new access token from")
                .contains("[debug] HTTP GET https://127.0.0.1:")
                .contains("\tat ");
        for (String output : List.of(run.out(), run.err(), Files.readString(home.resolve("environments.json")))) {
            assertThat(output)
                    .doesNotContain(password)
                    .doesNotContain(keyBody)
                    .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.eyJ");
        }
    }

    /** A home that others can read (755, from the umask or by hand) is made owner-only, with one notice. */
    @Test
    void openHomeIsMadeOwnerOnly() throws Exception {
        Path open = Files.createDirectory(home.resolve("open-home"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        ShellProcess shell = new ShellProcess(open);
        ShellProcess.Result first = shell.run("environment list");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.errLines())
                .containsExactly("Made " + open
                        + " readable by you only (it was rwxr-xr-x): it holds history, connections and certificates.");
        assertThat(permissions(open)).isEqualTo("rwx------");
        ShellProcess.Result second = shell.run("environment list");
        assertThat(second.errLines())
                .as("said once: the folder stays owner-only")
                .isEmpty();
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.entrashell.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution archives that {@code mvn package} writes, unpacked outside the clone and run as an
 * installed tool: through a symbolic link in a PATH folder, from another folder, with the java on PATH or
 * JAVA_HOME's, none, or one too old; and the linux-x64 image with no other Java anywhere.
 */
@EmulatorTest
class DistributionIT {
    private static final String VERSION = System.getProperty("entra-shell.version");
    private static final Path TARGET = ShellProcess.JAR.getParent();
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final String JAVA_LINES =
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n";

    @TempDir
    static Path temp;

    /** The unpacked tar.gz and the linux-x64 image (entra-shell-VERSION/ in each). */
    private static Path app;

    private static Path image;
    /** Every program of /usr/bin but java: what the launcher needs, and no Java. */
    private static Path tools;
    /** A PATH folder holding a link to bin/entra-shell, as a user would make one. */
    private static Path onPath;

    private static Emulator emulator;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(VERSION).as("failsafe passes the project version").isNotBlank();
        app = untar(TARGET.resolve("entra-shell-" + VERSION + ".tar.gz"), temp.resolve("plain"));
        image = untar(TARGET.resolve("entra-shell-" + VERSION + "-linux-x64.tar.gz"), temp.resolve("image"));
        tools = Files.createDirectories(temp.resolve("tools"));
        try (Stream<Path> programs = Files.list(Path.of("/usr/bin"))) {
            for (Path program : programs.toList()) {
                if (!program.getFileName().toString().startsWith("java")) {
                    Files.createSymbolicLink(tools.resolve(program.getFileName()), program);
                }
            }
        }
        onPath = Files.createDirectories(temp.resolve("path-bin"));
        Files.createSymbolicLink(onPath.resolve("entra-shell"), app.resolve("bin/entra-shell"));
        Files.createDirectories(onPath.resolve("image"));
        Files.createSymbolicLink(onPath.resolve("image/entra-shell"), image.resolve("bin/entra-shell"));
    }

    @AfterAll
    static void stop() throws Exception {
        // The first runs trained the start-up archive in the background: let it end before the folder goes.
        StartupArchive.awaitTraining(app.resolve("cache"));
        StartupArchive.awaitTraining(image.resolve("cache"));
    }

    @Test
    void theArchivesHoldTheLaunchersLibrariesScriptsAndNotices() throws IOException {
        String root = "entra-shell-" + VERSION + "/";
        try (ZipFile zip =
                new ZipFile(TARGET.resolve("entra-shell-" + VERSION + ".zip").toFile())) {
            Set<String> names = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
            assertThat(names)
                    .contains(
                            root + "bin/entra-shell",
                            root + "bin/entra-shell.cmd",
                            root + "bin/entra-shell.ps1",
                            root + "lib/entra-shell.jar",
                            root + "lib/launch.sh",
                            root + "scripts/README.md",
                            root + "scripts/users-export.groovy",
                            root + "README.md",
                            root + "NOTICE",
                            root + "THIRD-PARTY.txt");
            assertThat(names).anyMatch(name -> name.startsWith(root + "lib/lib/msal4j-"));
            // cmd.exe mis-parses labels in a batch file with bare LF line ends
            String cmd = new String(zip.getInputStream(zip.getEntry(root + "bin/entra-shell.cmd"))
                    .readAllBytes());
            assertThat(cmd).contains("\r\n").doesNotContainPattern("[^\r]\n").contains("%*");
        }
        assertThat(Files.readString(app.resolve("THIRD-PARTY.txt")))
                .contains("com.microsoft.azure:msal4j:")
                .contains("org.apache.groovy:groovy:");
        assertThat(Files.getPosixFilePermissions(app.resolve("bin/entra-shell")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void runsThroughALinkOnPathWithTheJavaOnPathOrJavaHomes() throws Exception {
        Path javaBin = Files.createDirectories(temp.resolve("java-bin"));
        Files.deleteIfExists(javaBin.resolve("java"));
        Files.createSymbolicLink(javaBin.resolve("java"), JAVA_HOME.resolve("bin/java"));

        ShellProcess.Result version =
                installed("home-a", onPath + ":" + javaBin + ":" + tools, null).runWithInput(null, "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("entra-shell " + VERSION + "\n" + JAVA_LINES);
        assertThat(version.err()).isEmpty();

        ShellProcess withJavaHome = installed("home-b", onPath + ":" + tools, JAVA_HOME.toString());
        ShellProcess.Result help = withJavaHome.run("help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Commands (help COMMAND for details):\n");
        assertThat(help.err()).isEmpty();

        // A -c line with quotes, two spaces and a dollar sign reaches the shell as typed.
        ShellProcess.Result line = withJavaHome.run("groovy '\"two  spaces and \\$HOME\".toUpperCase()'");
        assertThat(line.exitCode()).as(line.err()).isZero();
        assertThat(line.out()).isEqualTo("TWO  SPACES AND $HOME\n");

        // A script file with arguments: each one arrives whole, the empty one included, and its exit code returns.
        Path script =
                Files.writeString(temp.resolve("echoargs.groovy"), "args.each { out.println \"[$it]\" }\nexit(3)\n");
        for (ShellProcess shell :
                List.of(withJavaHome, installed("home-c", onPath + ":" + javaBin + ":" + tools, null))) {
            ShellProcess.Result ran = shell.runWithInput(
                    null, script.toString(), "two  spaces", "$HOME", "a \"quoted\" word", "", "it's");
            assertThat(ran.exitCode()).as(ran.err()).isEqualTo(3);
            assertThat(ran.out()).isEqualTo("[two  spaces]\n[$HOME]\n[a \"quoted\" word]\n[]\n[it's]\n");
            assertThat(ran.err()).isEmpty();
        }
    }

    @Test
    void noJavaOrAnOldOneIsOneLineSayingWhatToInstall() throws Exception {
        ShellProcess.Result none =
                installed("home-d", onPath + ":" + tools, null).runWithInput(null, "--version");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).isEmpty();
        assertThat(none.errLines())
                .singleElement()
                .asString()
                .startsWith("entra-shell: no Java found: install a JDK or JRE 17 or newer");

        // A java that says it is 11, as `java -version` does, on stderr, after the line a JAVA_TOOL_OPTIONS
        // variable adds; there is no release file beside it.
        Path old = Files.createDirectories(temp.resolve("jdk-11/bin"));
        Path fake = Files.writeString(
                old.resolve("java"),
                "#!/bin/sh\necho 'Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8' >&2\n"
                        + "echo 'openjdk version \"11.0.2\" 2019-01-15' >&2\nexit 0\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (ShellProcess shell : List.of(
                installed("home-e", onPath + ":" + tools, old.getParent().toString()),
                installed("home-f", onPath + ":" + old + ":" + tools, null))) {
            ShellProcess.Result tooOld = shell.runWithInput(null, "--version");
            assertThat(tooOld.exitCode()).isEqualTo(1);
            assertThat(tooOld.out()).isEmpty();
            assertThat(tooOld.errLines())
                    .singleElement()
                    .asString()
                    .isEqualTo("entra-shell: " + fake + " is Java 11.0.2, and Entra Shell needs 17 or newer: install"
                            + " a JDK or JRE 17 or newer (for example Eclipse Temurin 17 from https://adoptium.net)"
                            + " and set JAVA_HOME to it.");
        }
    }

    /** The image's own runtime signs in over TLS, calls Graph and runs a Groovy script, with no other Java. */
    @Test
    void theLinuxImageRunsWithNoJavaAnywhere() throws Exception {
        assertThat(image.resolve("runtime/bin/java")).isExecutable();
        // A JAVA_HOME that leads nowhere does not matter: the image uses its own runtime.
        ShellProcess shell = installed("home-g", onPath.resolve("image") + ":" + tools, "/nonexistent-jdk");

        ShellProcess.Result version = shell.runWithInput(null, "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("entra-shell " + VERSION + "\nJava ");
        assertThat(version.err()).isEmpty();

        DemoTenant demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(temp.resolve("ca.pem"));
        Path secret = Files.writeString(temp.resolve("secret.txt"), demo.clientSecret());
        shell.addEnvironment(emulator, ca);
        String connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --secret-file " + secret + " --no-welcome";

        ShellProcess.Result organization = shell.run(connect, "get /organization --output json");
        assertThat(organization.exitCode()).as(organization.err()).isZero();
        assertThat(JsonParser.parseString(organization.out()).toString())
                .contains("\"id\":\"" + demo.tenantId() + "\"");

        Path script = Files.writeString(
                temp.resolve("organization.groovy"), "out.println get('/organization').value[0].displayName\n");
        ShellProcess.Result ran = shell.runWithInput(null, "-c", connect, script.toString());
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out()).isEqualTo(demo.organizationName() + "\n");
    }

    /** The first runs trained the start-up archive next to lib/ (the unpacked folder is writable). */
    @Test
    void theFirstRunTrainsTheStartUpArchiveBesideLib() throws Exception {
        ShellProcess shell = installed("home-h", onPath + ":" + tools, JAVA_HOME.toString());
        ShellProcess.Result first = shell.runWithInput(null, "--version");
        assertThat(first.out()).isEqualTo("entra-shell " + VERSION + "\n" + JAVA_LINES);
        Path archive = StartupArchive.awaitTraining(app.resolve("cache"));
        assertThat(archive).as("the trained archive in cache/").isNotNull();

        Path log = temp.resolve("class-load.log");
        ShellProcess.Result trained = shell.env("ENTRA_SHELL_JAVA_OPTS", "-Xlog:class+load:file=" + log)
                .runWithInput(null, "--version");
        assertThat(trained.out()).isEqualTo("entra-shell " + VERSION + "\n" + JAVA_LINES);
        assertThat(trained.err()).isEmpty();
        assertThat(Files.readString(log)).contains("dev.entrashell.Main source: shared objects file");
    }

    /**
     * The link to an installed launcher in the first folder of {@code path}, run from another folder with that
     * PATH and JAVA_HOME (null: unset).
     */
    private static ShellProcess installed(String home, String path, String javaHome) throws IOException {
        // Owner-only, as the shell makes a home it creates: an existing 755 one would get a notice on stderr.
        Path folder = Files.createDirectories(
                temp.resolve(home), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new ShellProcess(folder)
                .viaLauncher(Path.of(path.split(":")[0], "entra-shell"))
                .in(folder)
                .env("PATH", path)
                .env("JAVA_HOME", javaHome)
                .env("ENTRA_SHELL_JAVA_OPTS", null);
    }

    private static Path untar(Path archive, Path into) throws Exception {
        assertThat(archive).as("written by mvn package").exists();
        Files.createDirectories(into);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .inheritIO()
                .start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        return into.resolve("entra-shell-" + VERSION);
    }
}

package dev.entrashell.e2e;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A class-data archive for the shells the end-to-end tests start, as the launcher keeps one for its users
 * (launch.sh): some hundreds of shells start in a run, and each would otherwise load, parse and verify the
 * same few thousand classes again (about a quarter of a connect-and-get run's time).
 *
 * <p>Trained once per built jar from a fixed run on the embedded demo tenant (help, a certificate sign-in,
 * Graph calls in each output format, a Groovy expression and a script), then dumped as a static archive, as the launcher does on every JDK.
 * A jar newer than the archive (a build, or LauncherIT's clock games) trains it again. Several test JVMs
 * may ask at once: a file lock lets one train while the others wait. Any failure leaves no archive, and the
 * shells start as before: an archive changes how fast a class loads, never what runs.
 */
final class TestClassArchive {
    private static final Path FOLDER = ShellProcess.JAR.resolveSibling("test-class-archive");
    private static final Path ARCHIVE = FOLDER.resolve("entra-shell.jsa");

    private TestClassArchive() {}

    /** The JVM options that map the archive, or none when it cannot be made. */
    static synchronized List<String> options(String java) {
        try {
            if (!fresh()) {
                train(java);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("no class-data archive for the tests' shells: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!fresh()) {
            return List.of();
        }
        // A JVM that cannot map it says so on stderr, which the tests read: quiet, it starts without.
        return List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static boolean fresh() {
        try {
            return Files.isRegularFile(ARCHIVE)
                    && Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(ShellProcess.JAR)) > 0;
        } catch (IOException gone) {
            return false;
        }
    }

    private static void train(String java) throws IOException, InterruptedException {
        Files.createDirectories(FOLDER);
        try (FileChannel channel =
                        FileChannel.open(FOLDER.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            if (fresh()) {
                return; // another test JVM trained it while this one waited
            }
            Path work = Files.createTempDirectory(FOLDER, "training-");
            try {
                Path classes = work.resolve("classes");
                List<String> training = new ArrayList<>(List.of(
                        java,
                        "-XX:DumpLoadedClassList=" + classes,
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        ShellProcess.JAR.toString(),
                        "--demo"));
                for (String line : TRAINING) {
                    training.add("-c");
                    training.add(line);
                }
                // Groovy's compiler and runtime too (the launcher leaves them out of its users' archive): many
                // tests run scripts, and each would load them from the jar again.
                Path script = Files.writeString(
                        work.resolve("training.groovy"),
                        "def names = all('/users').collect { it.displayName }\nout.println names.size()\n");
                training.addAll(List.of(
                        "-c",
                        "groovy \"get('/organization').value[0].displayName\"",
                        "-c",
                        "run " + script,
                        "-c",
                        "disconnect"));
                run(training, work);
                // Lines a static dump cannot take (lambda forms, JDK 25's ids): as launch.sh drops them.
                List<String> listed;
                try (Stream<String> lines = Files.lines(classes)) {
                    listed = lines.filter(line -> !line.startsWith("@"))
                            .map(line -> line.replaceFirst(" id: \\d+$", ""))
                            .toList();
                }
                Files.write(work.resolve("classes.list"), listed);
                Path dumped = work.resolve("archive.jsa");
                run(
                        List.of(
                                java,
                                "-Xshare:dump",
                                "-XX:SharedClassListFile=" + work.resolve("classes.list"),
                                "-XX:SharedArchiveFile=" + dumped,
                                "-cp",
                                ShellProcess.JAR.toString()),
                        work);
                Files.move(dumped, ARCHIVE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                try (Stream<Path> left = Files.walk(work)) {
                    for (Path path : left.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    /** What the tests' shells do most: sign in, call Graph, render each format, refuse bad input. */
    private static final List<String> TRAINING = List.of(
            "help",
            "help connect",
            "environment list",
            "cert list",
            "connect --environment Demo --tenant-id contosodemo.onmicrosoft.com"
                    + " --client-id 9b2e7c41-5a3d-4f6e-8b1c-0d7a2e9f4c85 --subject-name 'CN=Entra Shell Demo'",
            "context",
            "context --output json",
            "token",
            "get /organization",
            "get /users --top 5 --select displayName,id --output table",
            "get /users --top 3 --output list",
            "get /users --top 3 --output csv",
            "get /users --all --query '[].displayName'",
            "get /nothing-here",
            "post /groups --body '{}'");

    private static void run(List<String> command, Path work) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().put("ENTRA_SHELL_HOME", work.resolve("home").toString());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.redirectOutput(work.resolve("out.txt").toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IOException("the training did not end in 3 minutes: " + command);
        }
    }
}

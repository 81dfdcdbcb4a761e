package dev.entrashell.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.entrashell.emulator.Emulator;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the built jar as a child process, as a user or cron would, and captures what it prints. */
final class ShellProcess {
    static final Path JAR = Path.of("target", "entra-shell.jar").toAbsolutePath();

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.strip().isEmpty() ? List.of() : err.strip().lines().toList();
        }
    }

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> options = new ArrayList<>();
    private Path launcher;
    private int columns = 160;
    private Path directory;

    ShellProcess(Path home) {
        assertThat(JAR)
                .as("the jar is built by 'mvn package' before the integration tests")
                .exists();
        this.home = home;
        environment.put("ENTRA_SHELL_HOME", home.toString());
        environment.put("NO_COLOR", "1");
        // What script runs the line with: the same on every machine, whatever the caller's login shell.
        environment.put("SHELL", "/bin/sh");
    }

    /** Adds --debug (or any other option) before the lines of every run. */
    ShellProcess option(String option) {
        options.add(option);
        return this;
    }

    /** The width of the pseudo-terminal of {@link #runTyped} and {@link #runInteractive} (160 unless set). */
    ShellProcess columns(int columns) {
        this.columns = columns;
        return this;
    }

    /** Runs through the launcher script at {@code launcher} (or a link to it) instead of {@code java -jar}. */
    ShellProcess viaLauncher(Path launcher) {
        this.launcher = launcher;
        return this;
    }

    /** Sets a variable for the runs; null removes it from what the runs inherit. */
    ShellProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs in {@code directory} instead of the test's working folder. */
    ShellProcess in(Path directory) {
        this.directory = directory;
        return this;
    }

    /** Registers the emulator as environment {@code Emu} in this shell's home (as a user would, with the CLI). */
    ShellProcess addEnvironment(Emulator emulator, Path caFile) throws IOException, InterruptedException {
        return addEnvironment("Emu", emulator, caFile);
    }

    /** Registers the emulator as environment {@code name} in {@code home}. */
    ShellProcess addEnvironment(String name, Emulator emulator, Path caFile) throws IOException, InterruptedException {
        Result added = run("environment add " + name + " --login-endpoint " + emulator.loginEndpoint()
                + " --graph-endpoint " + emulator.graphEndpoint() + " --ca-file " + caFile);
        assertThat(added.exitCode()).as(added.err()).isZero();
        return this;
    }

    /**
     * Registers the emulator as environment {@code Emu} in {@code home} and returns a connect line for its
     * demo app, by client secret from a file (the quickest sign-in; the tests using it are about other things).
     */
    static String demoAppConnectLine(Emulator emulator, Path home) throws IOException, InterruptedException {
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret =
                Files.writeString(home.resolve("secret.txt"), emulator.demo().clientSecret());
        new ShellProcess(home).addEnvironment(emulator, ca);
        return "connect --environment Emu --tenant-id " + emulator.demo().tenantId() + " --client-id "
                + emulator.demo().clientId() + " --secret-file " + secret + " --no-welcome";
    }

    Path home() {
        return home;
    }

    /** {@code entra-shell -c LINE -c LINE ...}, stdin closed. */
    Result run(String... lines) throws IOException, InterruptedException {
        List<String> command = java();
        for (String line : lines) {
            command.add("-c");
            command.add(line);
        }
        return execute(command, null);
    }

    /** {@code entra-shell -c LINE ...} started and left running, output to files in the home: for a test that kills it. */
    Process start(String... lines) throws IOException {
        List<String> command = java();
        for (String line : lines) {
            command.add("-c");
            command.add(line);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(Files.createTempFile(home, "out-", ".txt").toFile())
                .redirectError(Files.createTempFile(home, "err-", ".txt").toFile());
        setUp(builder);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * {@code entra-shell ARGS... | head -n keep}: reads {@code keep} lines of standard output, then closes
     * the pipe, and waits at most {@code bound} for the shell to end by itself (it is killed after).
     * {@link Result#out()} holds the lines read.
     */
    Result runIntoClosingPipe(int keep, Duration bound, String... args) throws IOException, InterruptedException {
        List<String> command = java();
        command.addAll(List.of(args));
        Path err = Files.createTempFile(home, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder read = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < keep; i++) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                read.append(line).append('\n');
            }
        }
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("entra-shell went on for " + bound + " after its standard output was closed: "
                    + command + "\nstderr: " + Files.readString(err));
        }
        Result result = new Result(process.exitValue(), read.toString(), Files.readString(err));
        Files.delete(err);
        return result;
    }

    /** {@code entra-shell -c LINE ... > stdout}: standard output to that file (such as /dev/full). */
    Result runWithStdoutTo(Path stdout, String... lines) throws IOException, InterruptedException {
        List<String> command = java();
        for (String line : lines) {
            command.add("-c");
            command.add(line);
        }
        return execute(command, null, stdout);
    }

    /** {@code entra-shell ARGS...} with the given text on standard input. */
    Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> command = java();
        command.addAll(List.of(args));
        return execute(command, input);
    }

    /** The interactive shell on a real pseudo-terminal (util-linux {@code script}), typing the input. */
    Result runInteractive(String input) throws IOException, InterruptedException {
        return execute(onTerminal(), input);
    }

    /**
     * The shell under util-linux {@code script}, which runs the line with {@code $SHELL -c}. A pty made by
     * script has no size until one is set, and JLine needs a width to draw the prompt. The JVM replaces
     * that shell ({@code exec}): dash, left waiting in the terminal's foreground group, would take the
     * Ctrl-C a test types and end itself with 130 after the shell exited normally.
     */
    private List<String> onTerminal() {
        String javaLine =
                String.join(" ", java().stream().map(ShellProcess::quote).toList());
        return List.of("script", "-qefc", "stty cols " + columns + " rows 50; exec " + javaLine, "/dev/null");
    }

    /**
     * One step of a typed session: wait until the screen shows {@code waitFor}, then type {@code type}
     * (null: type nothing).
     */
    record Step(String waitFor, String type) {}

    /**
     * The interactive shell on a pseudo-terminal, typing each step only once its prompt is on the
     * screen, as a person would (typing ahead would let the terminal echo what a masked prompt hides).
     */
    Result runTyped(List<Step> steps) throws IOException, InterruptedException {
        return runTyped(steps, new ArrayList<>());
    }

    /** As {@link #runTyped(List)}, adding to {@code seenAt} the time (System.nanoTime) each step's text appeared. */
    Result runTyped(List<Step> steps, List<Long> seenAt) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out-", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(onTerminal()).redirectOutput(out.toFile()).redirectErrorStream(true);
        setUp(builder);
        Process process = builder.start();
        int seen = 0;
        for (Step step : steps) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                String screen = Files.readString(out);
                int at = screen.indexOf(step.waitFor(), seen);
                if (at >= 0) {
                    seen = at + step.waitFor().length();
                    seenAt.add(System.nanoTime());
                    break;
                }
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new AssertionError("never saw '" + step.waitFor() + "' on the screen:\n" + screen);
                }
                Thread.sleep(20);
            }
            if (step.type() == null) {
                continue; // only waiting: keys typed before the next prompt is drawn can be lost
            }
            // A control character (Ctrl-C, Ctrl-D) is a key press of its own, not a line.
            String keys = step.type().length() == 1 && step.type().charAt(0) < ' ' ? step.type() : step.type() + "\r";
            process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the shell did not exit:\n" + Files.readString(out));
        }
        Result result = new Result(process.exitValue(), Files.readString(out), "");
        Files.delete(out);
        return result;
    }

    private List<String> java() {
        List<String> command = new ArrayList<>();
        if (launcher != null) {
            command.add(launcher.toString());
            command.addAll(options);
            return command;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command.add(java);
        command.addAll(TestClassArchive.options(java));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(options);
        return command;
    }

    private Result execute(List<String> command, String input) throws IOException, InterruptedException {
        return execute(command, input, null);
    }

    /** @param stdout where standard output goes; null: a file read into the result */
    private Result execute(List<String> command, String input, Path stdout) throws IOException, InterruptedException {
        Path out = stdout != null ? stdout : Files.createTempFile(home, "out-", ".txt");
        Path err = Files.createTempFile(home, "err-", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        setUp(builder);
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        process.getOutputStream().close();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String written = stdout != null ? "" : Files.readString(out); // never read /dev/full: it has no end
        if (!finished) {
            throw new AssertionError("entra-shell did not finish in 90 s: " + command + "\nstdout: " + written
                    + "\nstderr: " + Files.readString(err));
        }
        Result result = new Result(process.exitValue(), written, Files.readString(err));
        if (stdout == null) {
            Files.delete(out);
        }
        Files.delete(err);
        return result;
    }

    private void setUp(ProcessBuilder builder) {
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        if (directory != null) {
            builder.directory(directory.toFile());
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

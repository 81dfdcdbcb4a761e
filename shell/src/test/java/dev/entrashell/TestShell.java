package dev.entrashell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.entrashell.command.LineExecutor;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Prompter;
import dev.entrashell.session.Redactor;
import dev.entrashell.session.ShellHome;
import dev.entrashell.session.Sleeper;

/**
 * The shell's command layer in this JVM, as {@code -c} lines run it: real commands, real MSAL over
 * HTTPS to the emulator, output captured. One per test, with its own home folder.
 */
public final class TestShell {
    public static final String ENVIRONMENT = "Emu";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final LineExecutor executor;
    private final ShellServices services;

    public TestShell(Path home, Map<String, String> variables, boolean debug) {
        this(home, variables, debug, Prompter.none());
    }

    /** A shell whose prompter answers as given, such as the lines typed in Groovy mode. */
    public TestShell(Path home, Map<String, String> variables, boolean debug, Prompter prompter) {
        this(home, variables, debug, prompter, Clock.systemUTC(), Sleeper.system());
    }

    private TestShell(
            Path home, Map<String, String> variables, boolean debug, Prompter prompter, Clock clock, Sleeper sleeper) {
        ShellHome shellHome = new ShellHome(home);
        Redactor redactor = new Redactor();
        PrintWriter errWriter = new PrintWriter(err, true);
        Diagnostics diagnostics = new Diagnostics(debug, errWriter, redactor);
        ShellOutput output = new ShellOutput(new PrintWriter(out, true), errWriter, false, false, () -> 160);
        services =
                ShellServices.start(shellHome, output, prompter, diagnostics, new HashMap<>(variables), clock, sleeper);
        executor = new LineExecutor(services);
    }

    /** A shell with environment {@value #ENVIRONMENT} pointing at the emulator. */
    public static TestShell against(Emulator emulator, Path home) throws IOException {
        return against(emulator, home, Prompter.none());
    }

    /** A shell against the emulator whose prompter answers as given. */
    public static TestShell against(Emulator emulator, Path home, Prompter prompter) throws IOException {
        return against(emulator, new TestShell(home, Map.of(), false, prompter), home);
    }

    /** A shell against the emulator whose time is {@code time}: its waits move that clock and return at once. */
    public static TestShell against(Emulator emulator, Path home, FakeTime time) throws IOException {
        return against(emulator, home, Map.of(), time);
    }

    /** A shell against the emulator that sees these variables and whose time is {@code time}. */
    public static TestShell against(Emulator emulator, Path home, Map<String, String> variables, FakeTime time)
            throws IOException {
        return against(emulator, new TestShell(home, variables, false, Prompter.none(), time, time), home);
    }

    /**
     * A shell with no environment yet, whose prompter answers as given and whose time is {@code time}; add
     * environments with {@link #addEnvironment(String, Emulator, Path)}.
     */
    public static TestShell withTime(Path home, Prompter prompter, FakeTime time) {
        return new TestShell(home, Map.of(), false, prompter, time, time);
    }

    /** A shell against the emulator that sees these environment variables. */
    public static TestShell against(Emulator emulator, Path home, Map<String, String> variables) throws IOException {
        return against(emulator, new TestShell(home, variables, false), home);
    }

    private static TestShell against(Emulator emulator, TestShell shell, Path home) throws IOException {
        addEnvironment(shell.services, emulator, home);
        return shell;
    }

    /** Adds environment {@value #ENVIRONMENT}, pointing at the emulator, to a shell's services. */
    public static void addEnvironment(ShellServices services, Emulator emulator, Path home) throws IOException {
        addEnvironment(services, ENVIRONMENT, emulator, home.resolve("emulator-ca.pem"));
    }

    /** Adds environment {@code name}, pointing at the emulator (its CA saved in {@code home}), to this shell. */
    public void addEnvironment(String name, Emulator emulator, Path home) throws IOException {
        addEnvironment(services, name, emulator, home.resolve(name + "-ca.pem"));
    }

    private static void addEnvironment(ShellServices services, String name, Emulator emulator, Path caFile)
            throws IOException {
        Path ca = emulator.writeCaCertificate(caFile);
        services.environments()
                .add(
                        name,
                        emulator.loginEndpoint().toString(),
                        emulator.graphEndpoint().toString(),
                        ca);
    }

    /** Runs the lines like {@code -c} does: stops at the first failure and returns its exit code. */
    public int run(String... lines) {
        return executor.runAll(java.util.List.of(lines));
    }

    /** The commands as the interactive shell sees them, for completion tests. */
    public picocli.CommandLine commandLine() {
        return executor.commandLine();
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    public void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    public ShellServices services() {
        return services;
    }
}

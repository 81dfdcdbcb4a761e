package dev.entrashell;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.entrashell.command.LineExecutor;
import dev.entrashell.demo.DemoMode;
import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;
import dev.entrashell.output.FailFastOutputStream;
import dev.entrashell.output.OutputClosed;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.repl.InteractiveShell;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.DebugLogProvider;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Prompter;
import dev.entrashell.session.Redactor;
import dev.entrashell.session.ShellHome;
import dev.entrashell.session.Sleeper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entra-shell}: picks the mode (interactive, {@code -c} lines, piped lines) and runs it. */
@Command(
        name = "entra-shell",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "An interactive shell for Microsoft Entra ID app-only sessions and Microsoft Graph.",
        footer = {
            "",
            "With a script, it runs after the -c lines (such as -c 'connect --env'); everything after the",
            "script's name is the script's. With no -c, no script and standard input not a terminal, lines",
            "are read from standard input.",
            "Exit codes: 0 success, 1 a command failed, 2 usage error, 130 interrupted, 141 standard output closed (| head).",
            "ENTRA_SHELL_HOME names the folder for settings, history and certificates (default ~/.entra-shell)."
        })
public final class Main implements Callable<Integer> {

    @Option(names = "-c", paramLabel = "LINE", description = "Run this line as if typed (repeatable), then exit.")
    List<String> lines = new ArrayList<>();

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE.groovy",
            description = "Run this Groovy script (after any -c lines), then exit with its exit code.")
    String script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The script's arguments.")
    List<String> scriptArgs = new ArrayList<>();

    @Option(names = "--demo", description = "Start the embedded demo tenant, then the shell.")
    boolean demo;

    @Option(
            names = "--debug",
            description = "Log HTTP exchanges, token events and stack traces to stderr (secrets redacted).")
    boolean debug;

    @Option(names = "--no-color", description = "No colours (the NO_COLOR variable does the same).")
    boolean noColor;

    static {
        // picocli looks for groovy.lang.Closure (for closures in annotations, which the shell does not
        // use) when it first builds a command; with Groovy on the class path that would load Groovy's
        // runtime (some 260 classes) before the first prompt. Groovy loads when a script first runs.
        System.setProperty("picocli.disable.closures", "true");
    }

    private final Map<String, String> environment;

    Main(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> environment) {
        if (args.length == 0) {
            // The usual start, `entra-shell` alone, is every option at its default: there is nothing to parse, and
            // picocli (a good part of the time to the first prompt) loads when the first line runs instead.
            return new Main(environment).callUnparsed();
        }
        CommandLine commandLine = new CommandLine(new Main(environment))
                // entra-shell [OPTIONS] FILE.groovy --anything: what follows the script is the script's
                .setStopAtPositional(true);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println(e.getMessage() + ". See entra-shell --help.");
            return ExitCode.USAGE;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        boolean terminal = System.console() != null;
        boolean color = terminal && !noColor && environment.get("NO_COLOR") == null;
        ShellHome home = ShellHome.from(environment);
        Redactor redactor = new Redactor();
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Diagnostics diagnostics = new Diagnostics(debug, err, redactor);
        if (debug) {
            DebugLogProvider.attach(diagnostics); // only then: SLF4J starts on its own when a library first logs
        }
        boolean interactive = lines.isEmpty() && script == null && terminal;
        InteractiveShell shell = interactive ? InteractiveShell.onSystemTerminal(err, color) : null;
        ShellOutput output =
                shell != null ? shell.output() : new ShellOutput(standardOutput(), err, false, false, () -> columns());
        home.restrictToOwner().ifPresent(output::warn);
        Prompter prompter = shell != null ? shell.prompter() : Prompter.none();
        ShellServices services = ShellServices.start(
                home, output, prompter, diagnostics, environment, Clock.systemUTC(), Sleeper.system());
        DemoMode demoMode = null;
        try {
            if (demo) {
                demoMode = DemoMode.start(home, services.environments(), output.err());
            }
            if (shell != null) {
                return shell.run(services, LineExecutor::new);
            }
            LineExecutor executor = new LineExecutor(services);
            if (script == null) {
                return executor.runAll(lines.isEmpty() ? stdinLines() : lines);
            }
            int code = executor.runAll(lines);
            return code != ExitCode.OK ? code : executor.runScript(script, scriptArgs);
        } catch (OutputClosed e) {
            return ExitCode.BROKEN_PIPE;
        } catch (ShellException e) {
            output.error(e.shownMessage(redactor::redact));
            diagnostics.trace(e);
            return e.exitCode();
        } finally {
            // each line flushed and reported its own output failure; a failed stdout keeps failing, and says nothing
            // new
            output.flushAfterFailure();
            if (demoMode != null) {
                demoMode.close();
            }
        }
    }

    /** {@link #call()} without picocli around it, failing as picocli would: the trace, and exit code 1. */
    private int callUnparsed() {
        try {
            return call();
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            return ExitCode.FAILURE;
        }
    }

    /**
     * Standard output for a run without a terminal, through {@link FailFastOutputStream} (not System.out,
     * a PrintStream that swallows errors): a closed pipe ends the run, a full disk is an error. Scripts
     * that print with System.out directly go through it too.
     */
    private static PrintWriter standardOutput() {
        FailFastOutputStream stdout =
                new FailFastOutputStream(new FileOutputStream(FileDescriptor.out), "to standard output");
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        return new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    }

    private static Iterable<String> stdinLines() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return () -> reader.lines().iterator();
    }

    /** Without a terminal a table is cut to nothing, unless COLUMNS asks for a width. */
    private int columns() {
        try {
            return Integer.parseInt(environment.getOrDefault("COLUMNS", String.valueOf(Integer.MAX_VALUE)));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The version from the jar's manifest, so it is written in one place: the pom. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "entra-shell " + (version == null ? "development build" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}

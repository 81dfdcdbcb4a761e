package dev.entrashell.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Function;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.entrashell.command.ExitRequest;
import dev.entrashell.command.LineExecutor;
import dev.entrashell.connection.Session;
import dev.entrashell.errors.ExitCode;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.PrivateFiles;
import dev.entrashell.session.ShellHome;

/**
 * The interactive shell: a JLine prompt that shows the connection, tab completion of commands,
 * options, option values (environments, thumbprints, scripts) and Graph paths, persistent history, Ctrl-C to clear the line or cancel the running command, Ctrl-D to
 * leave. The only place that knows JLine.
 */
public final class InteractiveShell {
    private final Terminal terminal;
    private final PrintWriter err;
    private final boolean color;
    private final JLinePrompter prompter = new JLinePrompter();

    /**
     * A shell on {@code terminal}, which it closes when it ends; {@code err} takes status lines and errors.
     * Color only when asked for and the terminal is not a dumb one. Tests pass a dumb terminal over
     * piped streams, to run the shell in their own JVM.
     */
    public InteractiveShell(Terminal terminal, PrintWriter err, boolean color) {
        this.terminal = terminal;
        this.err = err;
        this.color = color && !Terminal.TYPE_DUMB.equals(terminal.getType());
    }

    /** A shell on the process's own terminal, as the program starts it. */
    public static InteractiveShell onSystemTerminal(PrintWriter err, boolean color) throws IOException {
        Terminal terminal = SystemTerminal.open();
        return new InteractiveShell(terminal, err, color);
    }

    /** Output bound to the terminal, so command output and the prompt do not overwrite each other. */
    public ShellOutput output() {
        return new ShellOutput(terminal.writer(), err, true, color, terminal::getWidth);
    }

    public dev.entrashell.session.Prompter prompter() {
        return prompter;
    }

    /** Reads and runs lines until exit, quit or Ctrl-D. */
    public int run(ShellServices services, Function<ShellServices, LineExecutor> executors) throws IOException {
        LineExecutor executor = executors.apply(services);
        ShellHome home = services.home();
        PrivateFiles.touch(home.historyFile());
        SafeHistory history = new SafeHistory(services.diagnostics().redactor());
        DefaultParser parser = new DefaultParser();
        // No escape character: backslashes stay, as in Windows paths (LineTokenizer does the real split); and
        // with none at all (null, not an empty set) JLine puts a completed name with a space in single quotes,
        // which LineTokenizer reads back whole.
        parser.setEscapeChars(null);
        LineReader reader = LineReaderBuilder.builder()
                .appName("entra-shell")
                .terminal(terminal)
                .parser(parser)
                .history(history)
                .completer(new GraphAwareCompleter(() -> executor.commandLine().getCommandSpec()))
                .variable(LineReader.HISTORY_FILE, home.historyFile())
                .variable(LineReader.HISTORY_SIZE, 5000)
                .variable(LineReader.HISTORY_FILE_SIZE, 10000)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // Thumbprints, Graph paths and PowerShell habits are case-insensitive; so is Tab.
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .build();
        WaitingInputInsert.install(reader);
        prompter.attach(reader);
        Thread worker = Thread.currentThread();
        // While a command runs, Ctrl-C interrupts it; while reading, JLine turns it into UserInterruptException.
        terminal.handle(Terminal.Signal.INT, signal -> {
            services.cancellation().cancel();
            worker.interrupt();
        });
        Diagnostics diagnostics = services.diagnostics();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt(services.session()));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return ExitCode.OK;
                }
                try {
                    executor.execute(line);
                } catch (ExitRequest exit) {
                    return ExitCode.OK;
                } finally {
                    Thread.interrupted(); // a Ctrl-C that arrived after the command ended must not hit the next one
                }
            }
        } finally {
            try {
                history.save();
                PrivateFiles.touch(home.historyFile());
            } catch (IOException e) {
                diagnostics.log("could not save history: " + e);
            }
            terminal.close();
        }
    }

    /** {@code entra [prod (Demo)]> }: the active connection's name (or app @ tenant), and a cloud not Global. */
    private String prompt(Session session) {
        AttributedStringBuilder prompt = new AttributedStringBuilder();
        prompt.style(AttributedStyle.BOLD.foreground(AttributedStyle.CYAN)).append("entra");
        session.active().ifPresent(connection -> prompt.style(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN))
                .append(" [")
                .append(connection.labelWithEnvironment())
                .append("]"));
        prompt.style(AttributedStyle.DEFAULT).append("> ");
        return color ? prompt.toAnsi(terminal) : prompt.toAttributedString().toString();
    }
}

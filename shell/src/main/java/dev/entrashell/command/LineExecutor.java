package dev.entrashell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;
import dev.entrashell.script.ScriptHost;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs one line: split it, parse it with picocli, call the command, and send any failure through the
 * {@link ErrorFunnel}. Used alike by the interactive shell, {@code -c} lines and piped input.
 *
 * <p>The picocli tree is built once and parsed again for each line ({@link CommandTrees}).
 */
public final class LineExecutor {
    private final ShellServices services;
    private final ErrorFunnel errors;
    private final CommandFactory factory;

    private final CommandTrees trees = new CommandTrees(this::commandLine);

    public LineExecutor(ShellServices services) {
        this.services = services;
        this.errors = new ErrorFunnel(services.output(), services.diagnostics());
        this.factory = new CommandFactory(services, new ScriptHost(services, this::nested));
    }

    /** A new picocli tree for the shell's commands, for completion and help. */
    public CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(RootCommand.class, factory)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExpandAtFiles(false) // --body @FILE is ours, not picocli's argument file
                .setOut(services.output().out())
                .setErr(services.output().err());
        commandLine.setUsageHelpWidth(usageWidth());
        // everything after the script's name is the script's, options included
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        return commandLine;
    }

    /**
     * Runs the line and returns its exit code.
     *
     * @throws ExitRequest when the line was {@code exit} or {@code quit}
     */
    public int execute(String line) {
        return guarded(() -> {
            List<String> words = LineTokenizer.split(line);
            if (words.isEmpty() || words.get(0).startsWith("#")) {
                return ExitCode.OK;
            }
            return run(words);
        });
    }

    /** {@code entra-shell FILE.groovy ARGS...}: runs the script as {@code run} does, arguments untouched. */
    public int runScript(String script, List<String> args) {
        List<String> words = new ArrayList<>(List.of("run", script));
        words.addAll(args);
        return guarded(() -> run(words));
    }

    private int guarded(Callable<Integer> work) {
        try {
            int code = work.call();
            // inside the try: a closed pipe or a full disk found by this flush is this line's failure
            services.output().out().flush();
            return code;
        } catch (ExitRequest exit) {
            services.output().out().flush();
            throw exit;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return errors.report(e);
        } finally {
            services.output().err().flush();
        }
    }

    /** Runs lines in order, as {@code -c} and piped input do: stops at the first failure, with its exit code. */
    public int runAll(Iterable<String> lines) {
        try {
            for (String line : lines) {
                int code = execute(line);
                if (code != ExitCode.OK) {
                    return code;
                }
            }
        } catch (ExitRequest exit) {
            return ExitCode.OK;
        }
        return ExitCode.OK;
    }

    /** A line run by a script's {@code shell(line)}: {@code exit} in it ends the script, not the shell. */
    private int nested(String line) {
        try {
            return execute(line);
        } catch (ExitRequest exit) {
            return ExitCode.OK;
        }
    }

    private int run(List<String> words) throws Exception {
        CommandLine root = trees.take();
        // the terminal may have been resized since the tree was built
        root.setUsageHelpWidth(usageWidth());
        try {
            return run(root, words);
        } finally {
            trees.giveBack(root, words.get(0));
        }
    }

    private int usageWidth() {
        return Math.max(60, Math.min(120, services.output().width()));
    }

    private int run(CommandLine root, List<String> words) throws Exception {
        if (!root.getSubcommands().containsKey(words.get(0))) {
            throw ShellException.usage("Unknown command '" + Printable.of(words.get(0)) + "'."
                    + suggestion(root, words.get(0)) + " Type 'help' for the commands.");
        }
        ParseResult parsed = root.parseArgs(words.toArray(String[]::new));
        if (CommandLine.printHelpIfRequested(parsed)) {
            return ExitCode.OK;
        }
        List<CommandLine> chain = parsed.asCommandLineList();
        Object command = chain.get(chain.size() - 1).getCommand();
        if (command instanceof Callable<?> callable) {
            Object result = callable.call();
            return result instanceof Integer code ? code : ExitCode.OK;
        }
        if (command instanceof Runnable runnable) {
            runnable.run();
            return ExitCode.OK;
        }
        throw ShellException.usage("'" + String.join(" ", words) + "' needs a subcommand: "
                + String.join(", ", chain.get(chain.size() - 1).getSubcommands().keySet()) + ".");
    }

    private static String suggestion(CommandLine root, String typed) {
        return root.getSubcommands().keySet().stream()
                .filter(name -> name.startsWith(typed.substring(0, Math.min(2, typed.length()))))
                .findFirst()
                .map(name -> " Did you mean '" + name + "'?")
                .orElse("");
    }
}

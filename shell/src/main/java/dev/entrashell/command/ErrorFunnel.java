package dev.entrashell.command;

import java.util.Optional;
import java.util.Set;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;
import dev.entrashell.output.OutputClosed;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.session.Diagnostics;
import picocli.CommandLine;

/**
 * The one place errors reach the user: every failure becomes one redacted line on stderr and an exit
 * code; the stack trace goes to {@code --debug} only.
 */
public final class ErrorFunnel {
    private static final Set<String> GRAPH_VERBS = Set.of("get", "post", "put", "patch", "delete");

    private final ShellOutput output;
    private final Diagnostics diagnostics;

    public ErrorFunnel(ShellOutput output, Diagnostics diagnostics) {
        this.output = output;
        this.diagnostics = diagnostics;
    }

    /** Shows the failure and returns the exit code it stands for. */
    public int report(Throwable failure) {
        if (OutputClosed.in(failure).isPresent()) {
            return ExitCode.BROKEN_PIPE; // the reader left on purpose (| head): nothing to say, as after SIGPIPE
        }
        diagnostics.trace(failure);
        output.flushAfterFailure(); // what the command printed comes before its error line
        int code;
        String shown; // redacted before it is made one line, so a secret holding a line break is still found
        if (failure instanceof ShellException shell) {
            code = shell.exitCode();
            shown = shell.shownMessage(diagnostics.redactor()::redact);
        } else if (failure instanceof CommandLine.ParameterException parameter) {
            code = ExitCode.USAGE;
            shown = diagnostics.redactor().redact(usageLine(parameter));
        } else if (failure instanceof OutOfMemoryError) {
            code = ExitCode.FAILURE;
            shown = "Out of memory: the answer was too large to hold; page through it instead.";
        } else {
            code = ExitCode.FAILURE;
            shown = diagnostics
                    .redactor()
                    .redact("Unexpected error: " + failure.getClass().getSimpleName() + ": " + failure.getMessage()
                            + (diagnostics.enabled() ? "" : " (run with --debug for the stack trace)"));
        }
        output.error(oneLine(shown));
        return code;
    }

    /**
     * The last guard of "one line per error": a value quoted in a message (picocli's among them) may hold
     * a CR or LF the user pasted; shown as an escape, it cannot split the line.
     */
    private static String oneLine(String line) {
        return line == null ? "" : line.strip().replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String usageLine(CommandLine.ParameterException e) {
        if (e.getCommandLine().getCommand() instanceof ExplainsParameterErrors command) {
            Optional<String> own = command.explain(e);
            if (own.isPresent()) {
                return own.get();
            }
        }
        boolean leaf = e.getCommandLine().getSubcommands().isEmpty();
        StringBuilder line = new StringBuilder(
                e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                        ? (leaf ? tooManyArguments(unmatched) : unknownSubcommand(unmatched))
                        : e.getMessage());
        // picocli's "Did you mean" for a mistyped option or subcommand; leftover words have none worth showing
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()
                && (unmatched.isUnknownOption() || !leaf)) {
            line.append(". Did you mean: ")
                    .append(String.join(", ", unmatched.getSuggestions()))
                    .append('?');
        }
        if (line.charAt(line.length() - 1) != '.' && line.charAt(line.length() - 1) != '?') {
            line.append('.');
        }
        boolean root = e.getCommandLine().getParent() == null;
        line.append(root ? " Type 'help' for the commands." : " See 'help " + qualifiedName(e.getCommandLine()) + "'.");
        return line.toString();
    }

    /**
     * Words left over after a command's arguments: almost always a value with spaces typed without
     * quotes, above all a Graph filter ({@code get /users?$filter=department eq 'Sales'}).
     */
    private static String tooManyArguments(CommandLine.UnmatchedArgumentException e) {
        String command = qualifiedName(e.getCommandLine());
        String words = String.join(
                " ", e.getUnmatched().stream().map(w -> "'" + w + "'").toList());
        String example = GRAPH_VERBS.contains(command)
                ? ", such as " + command
                        + " \"/users?$filter=department eq 'Sales'\" (or give the filter with --filter)"
                : "";
        return "Unexpected " + words + " after the arguments of " + command + ": a value with spaces needs quotes"
                + example + ".";
    }

    /** {@code cert lsit}: the word, and what the command has. */
    private static String unknownSubcommand(CommandLine.UnmatchedArgumentException e) {
        String command = qualifiedName(e.getCommandLine());
        return "'" + e.getUnmatched().get(0) + "' is not a subcommand of " + command + " ("
                + String.join(", ", e.getCommandLine().getSubcommands().keySet()) + ")";
    }

    private static String qualifiedName(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        CommandLine parent = commandLine.getParent();
        return parent == null || parent.getParent() == null ? name : qualifiedName(parent) + " " + name;
    }
}

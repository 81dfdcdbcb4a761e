package dev.entrashell.errors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A failure the user can act on. Its message is the one line the user sees: it names the bad value,
 * says why, and says what to do. Every layer throws this (or lets the error funnel translate a library
 * exception into it); nothing else prints errors.
 */
public class ShellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    /** The shell's own text with a {@code {}} for each value, or null when the message may hold outside text anywhere. */
    private final String template;

    private final List<String> values;

    public ShellException(String message) {
        this(message, ExitCode.FAILURE, null);
    }

    public ShellException(String message, Throwable cause) {
        this(message, ExitCode.FAILURE, cause);
    }

    protected ShellException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.template = null;
        this.values = List.of();
    }

    /**
     * The same failure as {@code found}, as a more specific type says what kind it is: the same line,
     * redacted the same way, and the same exit code; {@code found} is kept as the cause.
     */
    protected ShellException(ShellException found) {
        super(found.getMessage(), found);
        this.exitCode = found.exitCode;
        this.template = found.template;
        this.values = found.values;
    }

    /**
     * {@code shorter} with one more sentence after it, its cause: what {@link #followedBy} makes. A
     * subclass overrides {@code followedBy} with this constructor, so a {@code catch} of its type still
     * catches the longer line.
     */
    protected ShellException(ShellException shorter, String sentence) {
        super(shorter.getMessage() + " " + sentence, shorter);
        this.exitCode = shorter.exitCode;
        this.template = shorter.template == null ? null : shorter.template + " {}";
        this.values = shorter.template == null ? List.of() : appended(shorter.values, sentence);
    }

    private static List<String> appended(List<String> values, String value) {
        List<String> more = new ArrayList<>(values);
        more.add(value);
        return more;
    }

    private ShellException(String template, List<String> values, int exitCode) {
        super(fill(template, values));
        this.exitCode = exitCode;
        this.template = template;
        this.values = values;
    }

    /**
     * A failure whose message is the shell's own words, {@code template} (a constant: never a value), with
     * values from outside (file names, what the user typed, a library's words) in its {@code {}} places.
     * Only the values are redacted when it is shown, so a secret that is also an ordinary word (a wrong
     * password "file") cannot mask the shell's own "Check the file given to --password-file".
     */
    public static ShellException of(String template, Object... values) {
        return new ShellException(
                template, Arrays.stream(values).map(String::valueOf).toList(), ExitCode.FAILURE);
    }

    /**
     * The message as it may be shown: with a template, its values redacted and the shell's words kept;
     * else the whole message redacted, since any part of it may have come from outside.
     */
    public String shownMessage(UnaryOperator<String> redact) {
        return template == null
                ? redact.apply(getMessage())
                : fill(template, values.stream().map(redact).toList());
    }

    private static String fill(String template, List<String> values) {
        StringBuilder message = new StringBuilder();
        int from = 0;
        for (String value : values) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                throw new IllegalArgumentException("more values than {} places in: " + template);
            }
            message.append(template, from, at).append(value);
            from = at + 2;
        }
        return message.append(template.substring(from)).toString();
    }

    /**
     * This failure with one more sentence after it, in the same line, with the same exit code; the
     * sentence is redacted as a value is.
     */
    public ShellException followedBy(String sentence) {
        return new ShellException(this, sentence);
    }

    /** A bad value or option: exit code 2 in non-interactive runs. */
    public static ShellException usage(String message) {
        return new ShellException(message, ExitCode.USAGE, null);
    }

    /** The user pressed Ctrl-C while the command waited: exit code 130. */
    public static ShellException interrupted(String what) {
        return new ShellException("Interrupted: " + what + ".", ExitCode.INTERRUPTED, null);
    }

    /**
     * The user answered a prompt with Ctrl-C (or Ctrl-D): nothing was done, and, as for any interrupted
     * command, exit code 130.
     */
    public static ShellException cancelled(String what) {
        return new ShellException("Cancelled " + what + ": nothing was done.", ExitCode.INTERRUPTED, null);
    }

    public int exitCode() {
        return exitCode;
    }
}

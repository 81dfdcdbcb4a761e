package dev.entrashell;

/**
 * A failure the user can act on. Its message is the one line the user sees: it names the bad value,
 * says why, and says what to do. Every layer throws this (or lets the error funnel translate a library
 * exception into it); nothing else prints errors.
 */
public class ShellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public ShellException(String message) {
        this(message, ExitCode.FAILURE, null);
    }

    public ShellException(String message, Throwable cause) {
        this(message, ExitCode.FAILURE, cause);
    }

    protected ShellException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
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

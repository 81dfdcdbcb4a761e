package dev.entrashell;

/** The exit codes of CLI.md, shared by every non-interactive mode. */
public final class ExitCode {
    public static final int OK = 0;
    /** A command failed: authentication, Graph, script error. */
    public static final int FAILURE = 1;
    /** Unknown command or option, or a bad value. */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}

package dev.entrashell.errors;

/** The exit codes of CLI.md, shared by every non-interactive mode. */
public final class ExitCode {
    public static final int OK = 0;
    /** A command failed: authentication, Graph, script error. */
    public static final int FAILURE = 1;
    /** Unknown command or option, or a bad value. */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C (128 + SIGINT). */
    public static final int INTERRUPTED = 130;
    /**
     * Standard output's reader went away ({@code | head}): 128 + SIGPIPE, what a shell reports for a
     * program killed by SIGPIPE, such as {@code yes} in {@code yes | head}. Not 0: under {@code set -o
     * pipefail} a cut-short run must look like one, as it does for the coreutils, and a pipeline whose
     * reader crashed must not pass for a complete export.
     */
    public static final int BROKEN_PIPE = 141;

    private ExitCode() {}
}

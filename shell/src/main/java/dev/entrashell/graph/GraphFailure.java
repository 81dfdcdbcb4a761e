package dev.entrashell.graph;

import dev.entrashell.errors.ShellException;

/** Graph answered with an error status: the one-line message, and the status for callers that decide by it. */
public final class GraphFailure extends ShellException {
    private static final long serialVersionUID = 1L;

    private final int status;

    GraphFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

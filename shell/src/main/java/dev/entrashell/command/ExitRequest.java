package dev.entrashell.command;

/** Thrown by {@code exit}/{@code quit}: the loop that reads lines ends, with no error. */
public final class ExitRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExitRequest() {
        super("exit", null, false, false);
    }
}

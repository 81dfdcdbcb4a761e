package dev.entrashell.emulator.http;

/**
 * Thrown by a handler to make its server close the connection without answering, as a server that dies
 * mid-request does: the client sees the connection end, not an HTTP error.
 */
public final class DroppedConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DroppedConnection() {
        super("connection dropped without an answer", null, false, false);
    }
}

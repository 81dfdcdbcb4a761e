package dev.entrashell.net;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;

import dev.entrashell.errors.ShellException;

/**
 * What a Graph call that ran out of time tells the user. The deadline ({@code connect --timeout}) is
 * OkHttp's call timeout: it bounds the whole exchange, retries, waits and a slowly trickling body
 * included, and when it passes OkHttp cancels the call.
 */
public final class Deadlines {
    private Deadlines() {}

    public static ShellException passed(HttpStack http, Throwable cause) {
        return new ShellException(
                "No complete answer from " + http.graphOrigin() + " within "
                        + http.timeout().toSeconds()
                        + " s, the deadline of one Graph call (retries included); try again later, or allow more"
                        + " with connect --timeout SECONDS.",
                cause);
    }

    /**
     * The line for a failure of a Graph client the shell did not write the calling code of (the SDK's
     * typed client in a script), when one of its causes is a refused request or the passed deadline.
     */
    public static Optional<String> userMessage(Throwable failure) {
        RefusedRequest refused = RefusedRequest.in(failure);
        if (refused != null) {
            return Optional.of(refused.getMessage());
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // OkHttp's call timeout: the only InterruptedIOException "timeout" that is not a socket's.
            if (t instanceof InterruptedIOException
                    && !(t instanceof SocketTimeoutException)
                    && "timeout".equals(t.getMessage())) {
                return Optional.of("No complete answer from Graph within the deadline of one call (retries"
                        + " included); try again later, or allow more with connect --timeout SECONDS.");
            }
        }
        return Optional.empty();
    }
}

package dev.entrashell.net;

import java.io.IOException;

/**
 * A request the shell would not send, or an answer it would not follow, with the one line that says
 * why. An {@link IOException}, so that it travels through OkHttp and the Graph SDK like a failed
 * exchange, and is shown as it is wherever it comes out.
 */
public final class RefusedRequest extends IOException {
    public RefusedRequest(String message) {
        super(message);
    }

    /** The refusal somewhere in the causes of {@code failure}, or null. */
    public static RefusedRequest in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedRequest refused) {
                return refused;
            }
        }
        return null;
    }
}

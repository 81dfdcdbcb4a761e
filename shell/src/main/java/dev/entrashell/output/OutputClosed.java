package dev.entrashell.output;

import java.util.Optional;

/**
 * Standard output's reader went away ({@code entra-shell ... | head -3}): not an error to report but
 * the signal to stop at once, without a message, as a process killed by SIGPIPE stops. Unchecked, so it
 * crosses commands, page callbacks and scripts up to the error funnel; {@link FailFastOutputStream}
 * throws it.
 */
public final class OutputClosed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputClosed(Throwable cause) {
        super("standard output was closed by its reader", cause, false, false);
    }

    /** The signal in a failure's causes: a script engine or a library may have wrapped it. */
    public static Optional<OutputClosed> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutputClosed closed) {
                return Optional.of(closed);
            }
        }
        return Optional.empty();
    }
}

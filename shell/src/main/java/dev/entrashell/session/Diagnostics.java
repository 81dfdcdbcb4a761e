package dev.entrashell.session;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The {@code --debug} channel: HTTP exchanges, token events and stack traces, on stderr, always through
 * the {@link Redactor}. Silent unless debugging was asked for.
 */
public final class Diagnostics {
    private final boolean enabled;
    private final PrintWriter err;
    private final Redactor redactor;

    public Diagnostics(boolean enabled, PrintWriter err, Redactor redactor) {
        this.enabled = enabled;
        this.err = err;
        this.redactor = redactor;
    }

    public boolean enabled() {
        return enabled;
    }

    public Redactor redactor() {
        return redactor;
    }

    public void log(String message) {
        if (enabled) {
            synchronized (err) {
                err.println("[debug] " + redactor.redact(message));
                err.flush();
            }
        }
    }

    public void trace(Throwable error) {
        if (enabled) {
            StringWriter text = new StringWriter();
            error.printStackTrace(new PrintWriter(text));
            synchronized (err) {
                err.print(redactor.redact(text.toString()));
                err.flush();
            }
        }
    }
}

package dev.entrashell.session;

/**
 * What Ctrl-C stops while a command runs: the HTTP call in flight (a thread interrupt alone does not
 * stop a blocking socket read). The command registers its call; the terminal's signal handler cancels
 * it and interrupts the command's thread.
 */
public final class Cancellation {
    private volatile Runnable current;

    /** A registration; closing it unregisters, and cannot fail. */
    public interface Tracked extends AutoCloseable {
        @Override
        void close();
    }

    /** Registers how to stop the work in flight; returns a handle that unregisters it. */
    public Tracked track(Runnable canceller) {
        current = canceller;
        return () -> {
            if (current == canceller) {
                current = null;
            }
        };
    }

    public void cancel() {
        Runnable canceller = current;
        if (canceller != null) {
            canceller.run();
        }
    }
}

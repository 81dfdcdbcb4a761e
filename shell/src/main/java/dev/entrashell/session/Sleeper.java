package dev.entrashell.session;

import java.time.Duration;

/**
 * Waits, for the shell's retries: the system one sleeps the thread, a test's one moves its clock instead,
 * so a test of a 2-second Retry-After takes no 2 seconds. Comes with the shell's {@link java.time.Clock}
 * through {@code ShellServices.start}, the one wiring.
 */
@FunctionalInterface
public interface Sleeper {
    /** Returns after {@code duration}; interrupting the thread ends the wait early with the exception. */
    void sleep(Duration duration) throws InterruptedException;

    /** The thread really waits. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}

package dev.entrashell.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import dev.entrashell.emulator.http.RecordedRequest;

/**
 * Finds a request in the emulator's log. The server records an exchange just after writing its
 * response, so a client can hold the response a moment before the log has the entry: wait briefly.
 */
final class RecordedRequests {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private RecordedRequests() {}

    /** The most recent request that matches, waiting up to five seconds for it to be recorded. */
    static RecordedRequest last(Emulator emulator, Predicate<RecordedRequest> matching) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<RecordedRequest> found =
                    emulator.requests().stream().filter(matching).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no such request was recorded");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package dev.entrashell.emulator;

import java.util.List;
import java.util.function.Predicate;

import dev.entrashell.emulator.http.RecordedRequest;

/**
 * Finds a request in the emulator's log. The server records an exchange before it writes the answer
 * ({@code ServingHandler}), so once a client holds its answer the log has the entry: no waiting.
 */
final class RecordedRequests {
    private RecordedRequests() {}

    /** The most recent request that matches. */
    static RecordedRequest last(Emulator emulator, Predicate<RecordedRequest> matching) {
        List<RecordedRequest> found =
                emulator.requests().stream().filter(matching).toList();
        if (found.isEmpty()) {
            throw new AssertionError("no such request was recorded");
        }
        return found.get(found.size() - 1);
    }
}

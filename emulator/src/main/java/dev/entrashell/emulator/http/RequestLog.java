package dev.entrashell.emulator.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every request both servers answered, in order. Bounded, so a standalone emulator that runs for
 * days does not grow without limit; the oldest entries go first.
 */
public final class RequestLog {
    public static final int DEFAULT_CAPACITY = 20_000;

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private final List<Consumer<RecordedRequest>> listeners = new CopyOnWriteArrayList<>();

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public void record(RecordedRequest request) {
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(request);
        }
        for (Consumer<RecordedRequest> listener : listeners) {
            listener.accept(request);
        }
    }

    public List<RecordedRequest> snapshot() {
        synchronized (entries) {
            return List.copyOf(new ArrayList<>(entries));
        }
    }

    public void addListener(Consumer<RecordedRequest> listener) {
        listeners.add(listener);
    }
}

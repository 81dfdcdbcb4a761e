package dev.entrashell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.entrashell.session.Sleeper;

/**
 * The shell's time in a test: the system clock plus whatever the test (or a wait) moved it on. A sleep
 * returns at once and moves the clock by its length, so a 2-second Retry-After costs no 2 seconds, and
 * an emulator started with this clock sees the wait. Runs ahead of the system clock, never behind it,
 * because MSAL stamps token expiry with the system clock.
 */
public final class FakeTime extends Clock implements Sleeper {
    private volatile Duration ahead = Duration.ZERO;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** Moves this clock on, as if that much time passed. */
    public synchronized void advance(Duration duration) {
        ahead = ahead.plus(duration);
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    /** The waits asked for so far, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

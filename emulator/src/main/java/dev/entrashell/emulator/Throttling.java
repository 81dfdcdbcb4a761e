package dev.entrashell.emulator;

import dev.entrashell.emulator.graph.Throttler;

/**
 * When the emulator's Graph answers 429 Too Many Requests (or 503 Service Unavailable) with a
 * {@code Retry-After} header, to test a client's retries. Off by default.
 *
 * <p>Like Dev Proxy's RetryAfterPlugin, the emulator also checks that the client honours
 * Retry-After: the same operation (method and path, for the same app) sent again before the
 * period has elapsed is throttled again; sent after it, it passes. {@link Emulator#requests()}
 * records when each request came and what it was answered (with its Retry-After), so a test can
 * prove the client waited.
 *
 * @param trigger which requests are throttled
 * @param every N, for {@link Trigger#EVERY_NTH_REQUEST}
 * @param status 429, or 503
 * @param retryAfterSeconds the Retry-After the answer gives
 */
public record Throttling(Trigger trigger, int every, int status, int retryAfterSeconds) {

    /** Which requests are throttled. */
    public enum Trigger {
        NONE,
        /** Every Nth Graph request (counting all Graph requests, batch sub-requests included). */
        EVERY_NTH_REQUEST,
        /** The first request for each operation (method and path, per app). */
        FIRST_REQUEST_PER_PATH
    }

    public Throttling {
        if (trigger == null) {
            throw new IllegalArgumentException("trigger must not be null");
        }
        if (trigger == Trigger.EVERY_NTH_REQUEST && every < 2) {
            throw new IllegalArgumentException("every must be at least 2 (every request would be throttled): " + every);
        }
        if (status != 429 && status != 503) {
            throw new IllegalArgumentException("status must be 429 or 503: " + status);
        }
        if (trigger != Trigger.NONE && (retryAfterSeconds < 1 || retryAfterSeconds > 3600)) {
            throw new IllegalArgumentException("retryAfterSeconds must be 1 to 3600: " + retryAfterSeconds);
        }
    }

    public static Throttling off() {
        return new Throttling(Trigger.NONE, 0, 429, 0);
    }

    /** 429 on every Nth request (N at least 2). */
    public static Throttling everyNthRequest(int n, int retryAfterSeconds) {
        return new Throttling(Trigger.EVERY_NTH_REQUEST, n, 429, retryAfterSeconds);
    }

    /** 429 on the first request for each operation; once the client has waited, it passes. */
    public static Throttling firstRequestPerPath(int retryAfterSeconds) {
        return new Throttling(Trigger.FIRST_REQUEST_PER_PATH, 0, 429, retryAfterSeconds);
    }

    /** 503 Service Unavailable, once per operation, with Retry-After. */
    public static Throttling serviceUnavailableOncePerPath(int retryAfterSeconds) {
        return new Throttling(Trigger.FIRST_REQUEST_PER_PATH, 0, 503, retryAfterSeconds);
    }

    public boolean isOff() {
        return trigger == Trigger.NONE;
    }

    /** The rule the Graph server's throttler applies for this setting. */
    Throttler.Rule rule() {
        Throttler.Trigger when =
                switch (trigger) {
                    case NONE -> Throttler.Trigger.NONE;
                    case EVERY_NTH_REQUEST -> Throttler.Trigger.EVERY_NTH_REQUEST;
                    case FIRST_REQUEST_PER_PATH -> Throttler.Trigger.FIRST_REQUEST_PER_PATH;
                };
        return new Throttler.Rule(when, every, status, retryAfterSeconds);
    }
}

package dev.entrashell.emulator.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.entrashell.emulator.graph.error.GraphException;

/**
 * Answers some Graph requests with 429 (or 503) and {@code Retry-After}, as a throttled tenant
 * does, and, like Dev Proxy's RetryAfterPlugin, checks that the client honours it: a request for
 * the same operation before Retry-After has elapsed is throttled again. A request that comes after
 * the wait passes, whatever the rule would say, so a client that waits always gets through.
 *
 * <p>Throttled operations are keyed by tenant, app, method and path (without the query), so a
 * paging client retrying a page is recognised.
 */
public final class Throttler {

    /** What triggers throttling. */
    public enum Trigger {
        NONE,
        /** Every Nth Graph request (counting every request, batch sub-requests included). */
        EVERY_NTH_REQUEST,
        /** The first request for each operation (method and path). */
        FIRST_REQUEST_PER_PATH
    }

    /**
     * @param every N, for {@link Trigger#EVERY_NTH_REQUEST}
     * @param status 429, or 503 for "service unavailable"
     */
    public record Rule(Trigger trigger, int every, int status, int retryAfterSeconds) {
        public static final Rule OFF = new Rule(Trigger.NONE, 0, 429, 0);
    }

    private final Clock clock;
    private volatile State state = new State(Rule.OFF);

    /** Everything a rule remembers; replaced whole when the rule changes. */
    private static final class State {
        final Rule rule;
        final AtomicLong counter = new AtomicLong();
        final Map<String, Instant> throttledUntil = new ConcurrentHashMap<>();
        final Set<String> seen = ConcurrentHashMap.newKeySet();

        State(Rule rule) {
            this.rule = rule;
        }
    }

    public Throttler(Clock clock) {
        this.clock = clock;
    }

    /** Switches the rule and forgets what the previous one throttled. */
    public void setRule(Rule rule) {
        this.state = new State(rule);
    }

    public Rule rule() {
        return state.rule;
    }

    /**
     * @throws GraphException 429 or 503 with Retry-After when this request is throttled
     */
    public void check(GraphCaller caller, String method, String path) throws GraphException {
        State current = state;
        Rule rule = current.rule;
        if (rule.trigger() == Trigger.NONE) {
            return;
        }
        Instant now = clock.instant();
        String key = caller.tenantId() + "|" + caller.appId() + "|" + method + " /" + path.toLowerCase(Locale.ROOT);
        Instant until = current.throttledUntil.get(key);
        if (until != null) {
            if (now.isBefore(until)) {
                throw throttled(rule, secondsUntil(now, until), true);
            }
            current.throttledUntil.remove(key, until);
            return;
        }
        boolean throttle =
                switch (rule.trigger()) {
                    case EVERY_NTH_REQUEST -> current.counter.incrementAndGet() % rule.every() == 0;
                    case FIRST_REQUEST_PER_PATH -> current.seen.add(key);
                    default -> false;
                };
        if (throttle) {
            current.throttledUntil.put(key, now.plusSeconds(rule.retryAfterSeconds()));
            throw throttled(rule, rule.retryAfterSeconds(), false);
        }
    }

    private static long secondsUntil(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static GraphException throttled(Rule rule, long retryAfter, boolean early) {
        Map<String, String> headers = Map.of("Retry-After", Long.toString(retryAfter));
        if (rule.status() == 503) {
            return new GraphException(
                    503,
                    "serviceNotAvailable",
                    "The service is temporarily unavailable. Retry after the time the Retry-After header gives.",
                    headers);
        }
        return new GraphException(
                429,
                "TooManyRequests",
                early
                        ? "Too many requests. The request came before the Retry-After period had elapsed."
                        : "Too many requests",
                headers);
    }
}

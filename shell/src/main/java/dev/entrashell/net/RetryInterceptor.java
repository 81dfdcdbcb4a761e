package dev.entrashell.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

import dev.entrashell.session.Sleeper;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what Graph asks to be retried (429 throttling, 503 and 504) a bounded number of times,
 * waiting as long as {@code Retry-After} says (or backing off exponentially when it says nothing), and
 * tells the user why the prompt is waiting. Replaces graph-core's RetryHandler, which waits silently.
 * Bodies are replayed, so POST, PATCH and PUT are retried too: Graph throttles them before acting.
 * A wait that would end past the call's deadline is not begun: the answer is given up at once, with a
 * line that says so, rather than a sleep that the deadline then cuts short. Time is read from the shell's
 * clock and waited out with its sleeper, so tests move a clock instead of waiting.
 */
public final class RetryInterceptor implements Interceptor {
    public static final int MAX_RETRIES = 4;
    private static final Duration MAX_WAIT = Duration.ofSeconds(180);

    private final Consumer<String> notice;
    private final Clock clock;
    private final Sleeper sleeper;

    public RetryInterceptor(Consumer<String> notice, Clock clock, Sleeper sleeper) {
        this.notice = notice;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Duration deadline = Duration.ofNanos(chain.call().timeout().timeoutNanos());
        long started = clock.millis();
        Response response = chain.proceed(request);
        for (int retry = 1; retry <= MAX_RETRIES && retriable(response.code()); retry++) {
            Duration wait = waitFor(response, retry, clock);
            Duration elapsed = Duration.ofMillis(clock.millis() - started);
            if (!deadline.isZero() && elapsed.plus(wait).compareTo(deadline) >= 0) {
                notice.accept("Graph answered " + response.code() + (response.code() == 429 ? " (throttled)" : "")
                        + " and asks to wait " + seconds(wait) + ", past this call's deadline of "
                        + seconds(deadline) + " (connect --timeout); not retrying.");
                return response;
            }
            notice.accept("Graph answered " + response.code() + (response.code() == 429 ? " (throttled)" : "")
                    + "; retrying in " + seconds(wait) + " (retry " + retry + " of " + MAX_RETRIES + ")...");
            response.close();
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("cancelled while waiting to retry");
            }
            response = chain.proceed(request);
        }
        return response;
    }

    private static boolean retriable(int status) {
        return status == 429 || status == 503 || status == 504;
    }

    /** Retry-After in seconds or as an HTTP date; otherwise 1, 2, 4, 8 seconds. */
    static Duration waitFor(Response response, int retry, Clock clock) {
        String header = response.header("Retry-After");
        Duration wait = null;
        if (header != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(header.strip()));
            } catch (NumberFormatException notSeconds) {
                try {
                    wait = Duration.between(
                            ZonedDateTime.now(clock),
                            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                } catch (DateTimeParseException notDate) {
                    wait = null;
                }
            }
        }
        if (wait == null || wait.isNegative()) {
            wait = Duration.ofSeconds(1L << (retry - 1));
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static String seconds(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }
}

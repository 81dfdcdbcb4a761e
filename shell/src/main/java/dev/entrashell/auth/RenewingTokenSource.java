package dev.entrashell.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the current token and asks for a new one shortly before it expires, whatever the credential.
 * The margin is a tenth of the token's lifetime plus a second (token times are whole seconds, and
 * clocks differ), at most five minutes: an hour-long token is renewed five minutes early, a
 * five-second test token one and a half seconds early, and never one request per call.
 */
public final class RenewingTokenSource implements TokenSource {
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final Supplier<AccessToken> acquirer;
    private final Clock clock;
    private AccessToken current;
    private Instant renewAt;

    public RenewingTokenSource(Supplier<AccessToken> acquirer, Clock clock) {
        this.acquirer = acquirer;
        this.clock = clock;
    }

    @Override
    public synchronized AccessToken token() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(renewAt)) {
            current = acquirer.get();
            Duration lifetime = Duration.between(now, current.expiresOn());
            Duration margin = lifetime.dividedBy(10).plusSeconds(1);
            renewAt = current.expiresOn().minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
        }
        return current;
    }

    @Override
    public synchronized Optional<AccessToken> lastToken() {
        return Optional.ofNullable(current);
    }
}

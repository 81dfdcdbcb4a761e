package dev.entrashell.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenewingTokenSourceTest {

    /** The token is reused until a tenth of its lifetime (at most five minutes) remains. */
    @Test
    void renewsOnlyNearExpiry() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        AtomicInteger requests = new AtomicInteger();
        RenewingTokenSource source = new RenewingTokenSource(
                () -> new AccessToken(
                        "t" + requests.incrementAndGet(), clock.instant().plusSeconds(3600)),
                clock);
        assertThat(source.token().value()).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(54));
        assertThat(source.token().value()).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(source.token().value()).isEqualTo("t2");
        assertThat(requests).hasValue(2);
    }

    /** Short-lived tokens get a proportionally short margin, not one request per call. */
    @Test
    void shortLivedTokens() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        AtomicInteger requests = new AtomicInteger();
        RenewingTokenSource source = new RenewingTokenSource(
                () -> new AccessToken(
                        "t" + requests.incrementAndGet(), clock.instant().plusSeconds(5)),
                clock);
        for (int i = 0; i < 7; i++) {
            source.token();
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(requests).hasValue(1); // 3.5 s in: one token, used seven times
        clock.advance(Duration.ofMillis(100));
        source.token();
        assertThat(requests).hasValue(2); // 1.5 s before expiry: renewed
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

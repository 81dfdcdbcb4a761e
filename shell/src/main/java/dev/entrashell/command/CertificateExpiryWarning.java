package dev.entrashell.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.entrashell.auth.Connection;
import dev.entrashell.output.ShellOutput;

/**
 * A certificate that runs out soon is said at connect time, even with {@code --no-welcome}: a cron job's
 * stderr is mailed, and a month is time enough to make a new certificate and register it before
 * sign-ins start failing with AADSTS700027.
 */
final class CertificateExpiryWarning {
    static final Duration NOTICE = Duration.ofDays(30);

    private CertificateExpiryWarning() {}

    static void warnIfSoon(Connection connection, ShellOutput output, Clock clock) {
        Instant expires = connection.certificateExpiresOn();
        if (expires == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), expires);
        if (left.compareTo(NOTICE) > 0) {
            return;
        }
        long days = left.toDays();
        output.warn("Warning: certificate " + connection.certificateThumbprint() + " ("
                + connection.certificateSubjectName() + ") expires " + expires + ", "
                + (days < 1 ? "within a day" : "in " + days + (days == 1 ? " day" : " days"))
                + ": make a new one ('cert new'), add it to the app registration, and connect with it.");
    }
}

package dev.entrashell.emulator.demo;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.entrashell.emulator.directory.ClientSecrets;
import dev.entrashell.emulator.tls.CertificateAndKey;
import dev.entrashell.emulator.tls.Certificates;
import dev.entrashell.emulator.tls.RsaKeys;

/** The demo app's credentials: its certificate with the private key, and its client secret. */
public record DemoCredentials(CertificateAndKey identity, String clientSecret, char[] pfxPassword) {
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration BACKDATE = Duration.ofHours(1);

    /** A new key and certificate, valid for a year from the emulator clock's now. */
    public static CertificateAndKey generateIdentity(Clock clock) {
        KeyPair keys = RsaKeys.generate();
        Instant now = clock.instant();
        X509Certificate certificate =
                Certificates.selfSignedClient(keys, DemoSeed.APP_NAME, now.minus(BACKDATE), now.plus(VALIDITY));
        return new CertificateAndKey(certificate, keys.getPrivate());
    }

    public static DemoCredentials generate(Clock clock) {
        return new DemoCredentials(generateIdentity(clock), ClientSecrets.generate(), ClientSecrets.password());
    }

    @Override
    public String toString() {
        return "DemoCredentials[" + identity + "]";
    }
}

package dev.entrashell.emulator.directory;

import java.security.cert.X509Certificate;
import java.time.Instant;

import dev.entrashell.emulator.tls.Thumbprints;

/**
 * A certificate credential of an application or service principal, as Graph shows it. The
 * certificate itself is kept when the emulator has it, so that the token endpoint verifies the
 * application's assertions with it; Graph never serves it ({@code key} is null when read, as on Entra).
 *
 * @param customKeyIdentifier the certificate's SHA-1 thumbprint, upper-case hex, as Entra sets it
 *     for uploaded certificates
 * @param displayName the certificate's subject, e.g. "CN=Contoso HR Sync"
 * @param type "AsymmetricX509Cert"
 * @param usage "Verify" (a client credential)
 * @param certificate the certificate, or null when the emulator does not have it (the seeded apps'
 *     credentials: Graph shows them, nobody can sign in with them)
 */
public record KeyCredential(
        String customKeyIdentifier,
        String displayName,
        Instant endDateTime,
        String keyId,
        Instant startDateTime,
        String type,
        String usage,
        X509Certificate certificate) {

    public static final String TYPE_CERTIFICATE = "AsymmetricX509Cert";
    public static final String USAGE_VERIFY = "Verify";

    /** A credential whose certificate the emulator does not have. */
    public KeyCredential(
            String customKeyIdentifier,
            String displayName,
            Instant endDateTime,
            String keyId,
            Instant startDateTime,
            String type,
            String usage) {
        this(customKeyIdentifier, displayName, endDateTime, keyId, startDateTime, type, usage, null);
    }

    /** A certificate as an application's key credential. */
    public static KeyCredential of(String appId, X509Certificate certificate) {
        String thumbprint = Thumbprints.sha1Hex(certificate);
        return new KeyCredential(
                thumbprint,
                certificate.getSubjectX500Principal().getName(),
                certificate.getNotAfter().toInstant(),
                Guids.fromName(appId + "/keyCredentials/" + thumbprint),
                certificate.getNotBefore().toInstant(),
                TYPE_CERTIFICATE,
                USAGE_VERIFY,
                certificate);
    }
}

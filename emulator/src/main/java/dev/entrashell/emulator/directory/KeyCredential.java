package dev.entrashell.emulator.directory;

import java.time.Instant;

/**
 * A certificate credential of an application or service principal, as Graph shows it (the key
 * itself is not kept).
 *
 * @param customKeyIdentifier the certificate's SHA-1 thumbprint, upper-case hex, as Entra sets it
 *     for uploaded certificates
 * @param displayName the certificate's subject, e.g. "CN=Contoso HR Sync"
 * @param type "AsymmetricX509Cert"
 * @param usage "Verify" (a client credential)
 */
public record KeyCredential(
        String customKeyIdentifier,
        String displayName,
        Instant endDateTime,
        String keyId,
        Instant startDateTime,
        String type,
        String usage) {

    public static final String TYPE_CERTIFICATE = "AsymmetricX509Cert";
    public static final String USAGE_VERIFY = "Verify";
}

package dev.entrashell.emulator.directory;

import java.time.Instant;

/**
 * A client secret of an application, as Graph shows it: never the secret itself, only its first
 * three characters as {@code hint}.
 */
public record PasswordCredential(
        String displayName, Instant endDateTime, String hint, String keyId, Instant startDateTime) {

    /** What Entra shows of a secret: its first three characters. */
    public static String hint(String secret) {
        return secret.length() <= 3 ? secret : secret.substring(0, 3);
    }
}

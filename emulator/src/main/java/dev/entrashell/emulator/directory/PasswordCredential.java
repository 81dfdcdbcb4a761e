package dev.entrashell.emulator.directory;

import java.time.Instant;

/**
 * A client secret of an application. Graph shows its metadata, never the secret itself, only its
 * first three characters as {@code hint}; the secret is kept here so that the token endpoint signs
 * the application in with it (the serializers write {@code secretText} only in the answer to
 * {@code addPassword}).
 *
 * @param secretText the secret, or null when the emulator does not know it (the seeded apps'
 *     secrets: Graph shows them, nobody can sign in with them)
 */
public record PasswordCredential(
        String displayName, Instant endDateTime, String hint, String keyId, Instant startDateTime, String secretText) {

    /** A secret whose value the emulator does not know. */
    public PasswordCredential(
            String displayName, Instant endDateTime, String hint, String keyId, Instant startDateTime) {
        this(displayName, endDateTime, hint, keyId, startDateTime, null);
    }

    /** What Entra shows of a secret: its first three characters. */
    public static String hint(String secret) {
        return secret.length() <= 3 ? secret : secret.substring(0, 3);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "PasswordCredential[displayName=" + displayName + ", endDateTime=" + endDateTime + ", hint=" + hint
                + ", keyId=" + keyId + ", startDateTime=" + startDateTime + ", secretText="
                + (secretText == null ? "null" : "(hidden)") + "]";
    }
}

package dev.entrashell.auth;

import java.util.Arrays;

/**
 * A secret a credential holds (a client secret, a token given as is), as characters of its own: two
 * are equal when their characters are, so credentials holding them compare as values, and it shows as
 * {@code ***} wherever it is printed (a record's {@code toString}, a debug log, an assertion message).
 * Only this package reads the value, to hand it to MSAL and the redactor.
 */
public final class Secret {
    private final char[] chars;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /** A copy of {@code chars}: the caller can wipe its own array once this is made. */
    public static Secret copyOf(char[] chars) {
        return new Secret(chars.clone());
    }

    /** Empty or white space only, as a secret file of blank lines or an empty variable gives. */
    boolean isBlank() {
        for (char c : chars) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The value, for the one request or check that needs it. */
    String reveal() {
        return new String(chars);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && Arrays.equals(chars, secret.chars);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chars);
    }

    @Override
    public String toString() {
        return "***";
    }
}

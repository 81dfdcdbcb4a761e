package dev.entrashell.emulator.directory;

import java.security.SecureRandom;

/** Client secret values shaped like the ones Entra generates: 40 characters with a {@code 8Q~} marker. */
public final class ClientSecrets {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.~-";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {}

    public static String generate() {
        return random(ALPHABET, 3) + "8Q~" + random(ALPHABET, 34);
    }

    /** A password with no characters that are awkward to type or quote in a shell. */
    public static char[] password() {
        return random(PASSWORD_ALPHABET, 24).toCharArray();
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}

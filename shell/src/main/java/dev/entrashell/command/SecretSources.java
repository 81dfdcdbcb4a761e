package dev.entrashell.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.entrashell.ShellException;

/**
 * Reads a secret (a client secret, a certificate password) from where the user keeps it: a file, an
 * environment variable, or the terminal. Values are returned as characters and never echoed.
 */
final class SecretSources {
    private SecretSources() {}

    static char[] fromFile(String option, Path file) {
        try {
            // Files written with echo end in a newline that is not part of the secret.
            return Files.readString(file, StandardCharsets.UTF_8)
                    .replaceFirst("\\r?\\n$", "")
                    .toCharArray();
        } catch (IOException e) {
            throw ShellException.usage(option + " " + file + " cannot be read: " + e.getMessage());
        }
    }

    static char[] fromVariable(String option, String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null) {
            throw ShellException.usage(option + " " + variable + ": no such environment variable is set.");
        }
        return value.toCharArray();
    }
}

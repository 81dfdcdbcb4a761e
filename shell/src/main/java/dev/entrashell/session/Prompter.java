package dev.entrashell.session;

import java.util.Optional;

/**
 * Asks the person at the terminal for a value. Only an interactive shell can ask; scripts, {@code -c}
 * lines and piped input get {@link #none()}, so a missing password is an error instead of a hang.
 */
public interface Prompter {
    /** Reads a secret without echoing it; empty when nobody can be asked. */
    Optional<char[]> readSecret(String prompt);

    static Prompter none() {
        return prompt -> Optional.empty();
    }
}

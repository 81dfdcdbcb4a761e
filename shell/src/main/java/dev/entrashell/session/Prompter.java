package dev.entrashell.session;

import java.util.Optional;

/**
 * Asks the person at the terminal for a value. Only an interactive shell can ask; scripts, {@code -c}
 * lines and piped input get {@link #none()}, so a missing password is an error instead of a hang.
 */
public interface Prompter {
    /**
     * Reads a secret without echoing it; empty when nobody can be asked.
     *
     * @throws dev.entrashell.ShellException with exit code 130 when the person cancels the prompt (Ctrl-C,
     *     Ctrl-D): a cancel is not a missing terminal, and the command must not go on without the secret
     */
    Optional<char[]> readSecret(String prompt);

    /** Whether {@link #readLine} can ask anyone (Groovy mode needs it). */
    default boolean canReadLines() {
        return false;
    }

    /**
     * Reads one line, with line editing and history, for a mode of its own such as Groovy mode.
     *
     * @return the line, or null at the end of input (Ctrl-D)
     * @throws InterruptedException when the person pressed Ctrl-C instead of finishing the line
     */
    default String readLine(String prompt) throws InterruptedException {
        return null;
    }

    static Prompter none() {
        return prompt -> Optional.empty();
    }
}

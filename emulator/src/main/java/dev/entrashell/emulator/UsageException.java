package dev.entrashell.emulator;

/** A bad command line: the message is one line that names the bad value and says what to do. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}

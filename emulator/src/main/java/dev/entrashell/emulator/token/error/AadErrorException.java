package dev.entrashell.emulator.token.error;

/** Stops a token request at the first failed check; the endpoint renders {@link #error()}. */
public final class AadErrorException extends Exception {
    private final transient AadError error;

    public AadErrorException(AadError error) {
        super("AADSTS" + error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public AadError error() {
        return error;
    }
}

package dev.entrashell.auth;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;

/**
 * The credential could not even be tried: a value missing or malformed, a file, store, certificate or
 * key not found or not fit, found before any request went out (azure-identity's
 * {@code CredentialUnavailableException}). The fix is on this side: its line names the value and says
 * what to give instead. A sign-in the token endpoint refused is a {@link SignInRefusedException}.
 */
public final class CredentialNotConfiguredException extends ShellException {
    private static final long serialVersionUID = 1L;

    /** A bad or missing value the user gave: exit code 2, as any bad option. */
    public CredentialNotConfiguredException(String message) {
        super(message, ExitCode.USAGE, null);
    }

    private CredentialNotConfiguredException(ShellException found) {
        super(found);
    }

    private CredentialNotConfiguredException(CredentialNotConfiguredException shorter, String sentence) {
        super(shorter, sentence);
    }

    /** Still "not configured" with the sentence after it, so a {@code catch} of this type catches the longer line. */
    @Override
    public CredentialNotConfiguredException followedBy(String sentence) {
        return new CredentialNotConfiguredException(this, sentence);
    }

    /**
     * What went wrong while the credential was checked locally (a file, a store, a key), as this type;
     * its line and exit code unchanged. A prompt the user cancelled stays what it is.
     */
    static ShellException of(ShellException found) {
        if (found instanceof CredentialNotConfiguredException || found.exitCode() == ExitCode.INTERRUPTED) {
            return found;
        }
        return new CredentialNotConfiguredException(found);
    }
}

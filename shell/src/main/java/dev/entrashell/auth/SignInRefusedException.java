package dev.entrashell.auth;

import dev.entrashell.errors.ShellException;

/**
 * The sign-in was tried and refused: the token endpoint (or the managed identity endpoint) answered
 * with an error of its own, such as an AADSTS code. The credential was well formed; Entra ID did not
 * accept it, and the line says what Entra ID said and, where known, what to change there. A service
 * that failed or could not be reached is neither this nor {@link CredentialNotConfiguredException}.
 */
public final class SignInRefusedException extends ShellException {
    private static final long serialVersionUID = 1L;

    SignInRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    private SignInRefusedException(SignInRefusedException shorter, String sentence) {
        super(shorter, sentence);
    }

    /** Still a refusal with the sentence after it, so a {@code catch} of this type catches the longer line. */
    @Override
    public SignInRefusedException followedBy(String sentence) {
        return new SignInRefusedException(this, sentence);
    }
}

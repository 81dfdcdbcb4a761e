package dev.entrashell.auth;

import org.junit.jupiter.api.Test;

import com.microsoft.aad.msal4j.MsalServiceException;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not configured" and "refused" are two types, and neither changes the line the user sees: a local
 * failure keeps its words, its redaction and its exit code; a cancelled prompt stays a cancellation.
 */
class CredentialExceptionsTest {
    @Test
    void aLocalFailureBecomesNotConfiguredWithItsLineAndExitCode() {
        ShellException found =
                ShellException.of("Wrong password for {}: check the file given to --password-file.", "app.pfx");

        ShellException typed = CredentialNotConfiguredException.of(found);

        assertThat(typed).isInstanceOf(CredentialNotConfiguredException.class).hasCause(found);
        assertThat(typed.getMessage()).isEqualTo(found.getMessage());
        assertThat(typed.exitCode()).isEqualTo(ExitCode.FAILURE);
        // only the value is redacted, as in the original: the shell's own words stay
        assertThat(typed.shownMessage(text -> text.replace("file", "***")))
                .isEqualTo("Wrong password for app.pfx: check the file given to --password-file.");
    }

    @Test
    void aCancelledPromptStaysACancellation() {
        ShellException cancelled = ShellException.cancelled("the password prompt");

        assertThat(CredentialNotConfiguredException.of(cancelled)).isSameAs(cancelled);
    }

    @Test
    void aBadValueIsAUsageError() {
        assertThat(new CredentialNotConfiguredException("--timeout 0 is out of range").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anAnswerOfTheTokenEndpointIsARefusal() {
        ShellException refused = AuthErrors.translate(
                new MsalServiceException(
                        "AADSTS7000215: Invalid client secret provided.\nTrace ID: 1", "invalid_client"),
                null,
                java.util.List.of());

        assertThat(refused).isInstanceOf(SignInRefusedException.class);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(refused.getMessage())
                .startsWith("Sign-in refused by Entra ID (invalid_client): AADSTS7000215: "
                        + "Invalid client secret provided.");
    }

    @Test
    void aRefusalFollowedByAHintIsStillCaughtAsARefusal() {
        ShellException refused = AuthErrors.translate(
                new MsalServiceException("AADSTS7000215: Invalid client secret provided.", "invalid_client"),
                null,
                java.util.List.of());
        String line = refused.getMessage() + " The active connection is still contoso.com.";

        try {
            throw refused.followedBy("The active connection is still contoso.com.");
        } catch (SignInRefusedException e) {
            assertThat(e.getMessage()).isEqualTo(line);
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e).hasCause(refused);
        }
    }

    @Test
    void aBadValueFollowedByAHintIsStillNotConfiguredWithItsExitCodeAndRedaction() {
        ShellException found =
                ShellException.of("Wrong password for {}: check the file given to --password-file.", "app.pfx");

        try {
            throw CredentialNotConfiguredException.of(found).followedBy("The active connection is still file.");
        } catch (CredentialNotConfiguredException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            // the shell's own words are kept, the values (the hint among them) redacted
            assertThat(e.shownMessage(text -> text.replace("file", "***")))
                    .isEqualTo("Wrong password for app.pfx: check the file given to --password-file. "
                            + "The active connection is still ***.");
        }
        try {
            throw new CredentialNotConfiguredException("--timeout 0 is out of range.").followedBy("Hint.");
        } catch (CredentialNotConfiguredException e) {
            assertThat(e.getMessage()).isEqualTo("--timeout 0 is out of range. Hint.");
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        }
    }

    @Test
    void aManagedIdentityEndpointsAnswerIsARefusal() {
        ShellException refused = AuthErrors.translateManagedIdentity(
                new MsalServiceException("Identity not found", "invalid_request"), "IMDS");

        assertThat(refused).isInstanceOf(SignInRefusedException.class);
        assertThat(refused.getMessage())
                .startsWith("Managed identity sign-in failed (IMDS, invalid_request): Identity not found");
    }
}

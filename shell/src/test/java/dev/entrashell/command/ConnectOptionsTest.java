package dev.entrashell.command;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.TestShell;
import dev.entrashell.errors.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * connect's credential forms are one exclusive picocli group: a second form, or a second option of the
 * secret or token family, is refused before anything is read, in the shell's own line (no picocli
 * "mutually exclusive"), and help still lists every form.
 */
class ConnectOptionsTest {
    private static final String IDS =
            "connect --tenant-id contoso.onmicrosoft.com --client-id 11111111-2222-3333-4444-555555555555 ";

    @TempDir
    Path home;

    private String refused(String line) {
        TestShell shell = new TestShell(home, Map.of("S", "s3cret", "T", "t0ken"), false);
        assertThat(shell.run(line)).isEqualTo(ExitCode.USAGE);
        assertThat(shell.out()).isEmpty();
        return shell.err().strip();
    }

    @Test
    void twoFormsAreNamedInOneLine() {
        assertThat(refused(IDS + "--certificate x.pfx --secret-env S"))
                .isEqualTo("connect takes one credential form, but got --certificate and --secret-env; keep one.");
        assertThat(refused(IDS + "--secret-file s.txt --thumbprint " + "A".repeat(40)))
                .isEqualTo("connect takes one credential form, but got --thumbprint and --secret-file; keep one.");
        assertThat(refused("connect --identity --access-token-env T"))
                .isEqualTo("connect takes one credential form, but got --identity and --access-token-env; keep one.");
    }

    @Test
    void twoOptionsOfOneFamilyAreTwoForms() {
        assertThat(refused(IDS + "--secret-env S --secret-file s.txt"))
                .isEqualTo("connect takes one credential form, but got --secret-file and --secret-env; keep one.");
        assertThat(refused("connect --access-token-env T --access-token-file t.json"))
                .isEqualTo("connect takes one credential form, but got --access-token-file and --access-token-env;"
                        + " keep one.");
    }

    @Test
    void oneFormTwiceIsRefusedAsAnyOptionTwice() {
        assertThat(refused(IDS + "--thumbprint " + "A".repeat(40) + " --thumbprint " + "B".repeat(40)))
                .isEqualTo(
                        "option '--certificate-thumbprint' (HEX) should be specified only once. See 'help connect'.");
        assertThat(refused("connect --identity --identity"))
                .isEqualTo("option '--managed-identity' should be specified only once. See 'help connect'.");
        assertThat(refused(IDS + "--secret-env S --secret-env T"))
                .isEqualTo("option '--secret-env' (VARIABLE) should be specified only once. See 'help connect'.");
    }

    @Test
    void noFormOrAStrayIdentityOptionIsRefused() {
        assertThat(refused(IDS.strip()))
                .isEqualTo(
                        "connect needs a credential: --thumbprint HEX, --subject-name NAME, --certificate FILE, "
                                + "--secret, --federated-token-file FILE, --identity, --env or --access-token. See 'help connect'.");
        assertThat(refused(IDS + "--object-id abc --secret-env S"))
                .isEqualTo("--object-id and --resource-id name a user-assigned managed identity; use them with "
                        + "--identity.");
        assertThat(refused(IDS + "--secret-env S --timeout 0"))
                .isEqualTo("--timeout 0 is out of range: give 1 to 3600 seconds.");
    }

    @Test
    void helpListsEveryForm() {
        TestShell shell = new TestShell(home, Map.of(), false);
        assertThat(shell.run("help connect")).isZero();
        assertThat(shell.out())
                .contains(
                        "--thumbprint",
                        "--subject-name",
                        "--certificate",
                        "--secret",
                        "--secret-file",
                        "--secret-env",
                        "--federated-token-file",
                        "--identity",
                        "--env",
                        "--access-token",
                        "--access-token-file",
                        "--access-token-env",
                        "--password-file",
                        "--store");
    }
}

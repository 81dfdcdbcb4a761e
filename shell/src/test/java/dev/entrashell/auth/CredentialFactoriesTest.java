package dev.entrashell.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.certificate.Passwords;
import dev.entrashell.errors.ExitCode;
import dev.entrashell.session.Environments;
import dev.entrashell.session.Redactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each credential factory refuses what cannot work before anything is read or sent: a
 * {@link CredentialNotConfiguredException} (exit code 2) whose one line names the value and the fix.
 */
class CredentialFactoriesTest {
    private static final String CLIENT = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path home;

    private static String refusal(ThrowingCallable made) {
        return assertThatThrownBy(made)
                .isInstanceOfSatisfying(CredentialNotConfiguredException.class, e -> assertThat(e.exitCode())
                        .isEqualTo(ExitCode.USAGE))
                .actual()
                .getMessage();
    }

    private static Passwords noPassword() {
        return new Passwords(null, label -> java.util.Optional.empty(), new Redactor());
    }

    @Test
    void anAppNeedsATenantAndAClientIdThatAreWhatTheySay() {
        assertThat(refusal(() -> AppIdentity.of(null, CLIENT, "--tenant-id", "--client-id")))
                .startsWith("connect needs --tenant-id: the directory's GUID or a verified domain");
        assertThat(refusal(() -> AppIdentity.of("contoso.com/../x", CLIENT, "--tenant-id", "--client-id")))
                .startsWith("--tenant-id 'contoso.com/../x' is not a tenant: give the directory's GUID");
        assertThat(refusal(() -> AppIdentity.of("contoso.com", null, "AZURE_TENANT_ID", "AZURE_CLIENT_ID")))
                .isEqualTo("connect needs AZURE_CLIENT_ID: the app registration's application (client) id.");
        assertThat(refusal(() -> AppIdentity.of("contoso.com", "my-app", "--tenant-id", "--client-id")))
                .startsWith("--client-id 'my-app' is not an application (client) id: expected a GUID");
        assertThat(AppIdentity.of(" contoso.com ", CLIENT, "--tenant-id", "--client-id"))
                .isEqualTo(new AppIdentity("contoso.com", CLIENT));
    }

    @Test
    void anAppIdentityMadeWithoutItsFactoryIsCheckedTheSameWay() {
        assertThat(refusal(() -> new AppIdentity("contoso.com/../x", CLIENT)))
                .isEqualTo(refusal(() -> AppIdentity.of("contoso.com/../x", CLIENT, "--tenant-id", "--client-id")));
        assertThat(refusal(() -> new AppIdentity(null, CLIENT)))
                .startsWith("connect needs --tenant-id: the directory's GUID or a verified domain");
        assertThat(refusal(() -> new AppIdentity("contoso.com", "my-app")))
                .startsWith("--client-id 'my-app' is not an application (client) id: expected a GUID");
        assertThat(new AppIdentity(" contoso.com ", CLIENT).tenant()).isEqualTo("contoso.com");
    }

    @Test
    void aConnectRequestMadeWithoutItsFactoriesIsCheckedTheSameWay() {
        Credential secret = Credential.ClientSecret.given("s3cret".toCharArray());
        Duration minute = Duration.ofMinutes(1);
        assertThat(refusal(() -> new ConnectRequest("contoso.com/../x", CLIENT, null, secret, false, minute)))
                .startsWith("--tenant-id 'contoso.com/../x' is not a tenant");
        assertThat(refusal(() -> new ConnectRequest(null, null, null, secret, false, minute)))
                .as("an app's credential without the app")
                .startsWith("connect needs --tenant-id");
        assertThat(refusal(() -> new ConnectRequest("contoso.com", CLIENT, null, secret, false, Duration.ZERO)))
                .isEqualTo("--timeout 0 is out of range: give 1 to 3600 seconds.");
        assertThat(refusal(() -> new ConnectRequest("contoso.com", CLIENT, null, secret, false, Duration.ofHours(2))))
                .isEqualTo("--timeout 7200 is out of range: give 1 to 3600 seconds.");
        assertThatThrownBy(() -> new ConnectRequest(
                        "contoso.com",
                        null,
                        null,
                        Credential.ManagedIdentity.of(null, null, null, null),
                        false,
                        minute))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ManagedIdentity carries its own tenant and app: give neither");

        ConnectRequest request = new ConnectRequest(" contoso.com ", CLIENT, null, secret, false, minute);
        assertThat(request.tenant()).isEqualTo("contoso.com");
        assertThat(request.environment()).isEqualTo(Environments.GLOBAL);
    }

    @Test
    void certificatesNeedAThumbprintOrASubject() {
        assertThat(refusal(() -> Credential.CertificateThumbprint.of("0F3A", "default", noPassword())))
                .isEqualTo("Thumbprint '0F3A' is not valid: it has 4 hex digits where a SHA-1 thumbprint has 40. "
                        + "Copy it again from 'cert list' or the portal's Certificates & secrets page.");
        assertThat(refusal(() -> Credential.CertificateSubject.of(" CN= ", "default", noPassword())))
                .isEqualTo("--subject-name is empty: give the certificate's subject, such as 'CN=My Automation' "
                        + "(see 'cert list').");
        assertThat(Credential.CertificateThumbprint.of("0f:3a" + "0".repeat(36), "default", noPassword())
                        .thumbprint()
                        .hex())
                .isEqualTo("0F3A" + "0".repeat(36));
    }

    @Test
    void aClientSecretIsNeverBlankAndTheLineSaysWhereItCameFrom() {
        assertThat(refusal(() -> Credential.ClientSecret.given(" ".toCharArray())))
                .startsWith("--secret is empty: give the client secret's value");
        assertThat(refusal(() -> Credential.ClientSecret.fromFile("\n".toCharArray(), Path.of("s.txt"))))
                .startsWith("--secret-file s.txt holds no secret");
        assertThat(refusal(() -> Credential.ClientSecret.fromVariable(new char[0], "APP_SECRET")))
                .isEqualTo("--secret-env APP_SECRET is empty: set the variable to the client secret's value.");
        assertThat(Credential.ClientSecret.given("s3cret".toCharArray()).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void aSecretOrAGivenTokenComparesByItsValueAndNeverShowsIt() {
        Credential.ClientSecret secret = Credential.ClientSecret.given("s3cret".toCharArray());
        assertThat(secret)
                .isEqualTo(Credential.ClientSecret.fromFile("s3cret".toCharArray(), Path.of("s.txt")))
                .hasSameHashCodeAs(Credential.ClientSecret.given("s3cret".toCharArray()))
                .isNotEqualTo(Credential.ClientSecret.given("other".toCharArray()));
        assertThat(secret.toString()).isEqualTo("ClientSecret[secret=***]");

        Credential.AccessTokenGiven token = given("eyJ0.eyJ1.sig");
        assertThat(token)
                .isEqualTo(given("eyJ0.eyJ1.sig"))
                .hasSameHashCodeAs(given("eyJ0.eyJ1.sig"))
                .isNotEqualTo(given("eyJ0.eyJ1.other"));
        assertThat(token.toString()).isEqualTo("AccessTokenGiven[token=***]");
    }

    private static Credential.AccessTokenGiven given(String token) {
        return Credential.AccessTokenGiven.of(null, null, () -> Secret.copyOf(token.toCharArray()));
    }

    @Test
    void aManagedIdentityIsNamedOnceAndInItsOwnTenant() {
        assertThat(refusal(() -> Credential.ManagedIdentity.of("contoso.com", null, null, null)))
                .isEqualTo("--identity signs in to the identity's own tenant; leave out --tenant-id.");
        assertThat(refusal(() -> Credential.ManagedIdentity.of(null, CLIENT, "object", null)))
                .isEqualTo("Name a user-assigned identity once: --client-id, --object-id or --resource-id.");
        assertThat(Credential.ManagedIdentity.of(null, null, null, "/subscriptions/x"))
                .isEqualTo(
                        new Credential.ManagedIdentity(Credential.ManagedIdentityKind.RESOURCE_ID, "/subscriptions/x"));
        assertThat(Credential.ManagedIdentity.of(null, null, null, null).kind())
                .isEqualTo(Credential.ManagedIdentityKind.SYSTEM_ASSIGNED);
    }

    @Test
    void aGivenTokenRefusesIdsBeforeItIsAskedFor() {
        assertThat(refusal(() -> Credential.AccessTokenGiven.of(null, CLIENT, () -> {
                    throw new AssertionError("the token was asked for");
                })))
                .isEqualTo("An access token carries its own tenant and app; leave out --tenant-id and --client-id.");
    }

    @Test
    void aTimeoutIsOneSecondToAnHour() {
        assertThat(refusal(() -> ConnectRequest.timeout(0)))
                .isEqualTo("--timeout 0 is out of range: give 1 to 3600 seconds.");
        assertThat(refusal(() -> ConnectRequest.timeout(3601)))
                .isEqualTo("--timeout 3601 is out of range: give 1 to 3600 seconds.");
        assertThat(ConnectRequest.timeout(3600)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theAzureVariablesAreCheckedInAzureIdentitysOrder() {
        Environments environments = new Environments(home.resolve("environments.json"));
        Map<String, String> ids = Map.of("AZURE_TENANT_ID", "contoso.com", "AZURE_CLIENT_ID", CLIENT);
        assertThat(refusal(() -> variables(Map.of("AZURE_TENANT_ID", "contoso.com"), environments)))
                .isEqualTo("connect needs AZURE_CLIENT_ID: the app registration's application (client) id.");
        assertThat(refusal(() -> variables(ids, environments)))
                .startsWith("connect --env needs one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or "
                        + "AZURE_FEDERATED_TOKEN_FILE");
        assertThat(refusal(() -> variables(with(ids, "AZURE_CLIENT_SECRET", ""), environments)))
                .startsWith("AZURE_CLIENT_SECRET is set but empty");
        assertThat(refusal(() -> variables(
                        with(with(ids, "AZURE_CLIENT_SECRET", "s"), "AZURE_AUTHORITY_HOST", "https://login.mars/"),
                        environments)))
                .startsWith("AZURE_AUTHORITY_HOST https://login.mars is the login endpoint of no known environment");

        ConnectRequest request = variables(
                with(with(ids, "AZURE_CLIENT_SECRET", "s"), "AZURE_FEDERATED_TOKEN_FILE", "/t"), environments);
        assertThat(request.credential()).isInstanceOf(Credential.ClientSecret.class);
        assertThat(request.environment()).isEqualTo(Environments.GLOBAL);
        assertThat(request.tenant()).isEqualTo("contoso.com");
    }

    private static ConnectRequest variables(Map<String, String> variables, Environments environments) {
        return new AzureIdentityVariables(variables, environments, given -> noPassword())
                .request(null, false, Duration.ofSeconds(100));
    }

    private static Map<String, String> with(Map<String, String> variables, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(variables);
        more.put(name, value);
        return more;
    }
}

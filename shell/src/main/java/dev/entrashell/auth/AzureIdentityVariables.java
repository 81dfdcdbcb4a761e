package dev.entrashell.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import dev.entrashell.certificate.Passwords;
import dev.entrashell.session.Environment;
import dev.entrashell.session.Environments;

/**
 * {@code connect --env}: a connect request from the variables azure-identity's EnvironmentCredential
 * reads, in its order (a secret, then a certificate, then a federated token file), so a cron job's
 * credentials need not sit in its command line.
 */
public final class AzureIdentityVariables {
    private final Map<String, String> variables;
    private final Environments environments;
    private final Function<char[], Passwords> passwords;

    /** {@code passwords} makes the certificate's password source from AZURE_CLIENT_CERTIFICATE_PASSWORD (or null). */
    public AzureIdentityVariables(
            Map<String, String> variables, Environments environments, Function<char[], Passwords> passwords) {
        this.variables = variables;
        this.environments = environments;
        this.passwords = passwords;
    }

    /** The request the variables make; {@code environment} (--environment) wins over AZURE_AUTHORITY_HOST. */
    public ConnectRequest request(String environment, boolean sendCertificateChain, Duration timeout) {
        AppIdentity app = AppIdentity.of(
                variables.get("AZURE_TENANT_ID"),
                variables.get("AZURE_CLIENT_ID"),
                "AZURE_TENANT_ID",
                "AZURE_CLIENT_ID");
        boolean chain = sendCertificateChain
                || "true".equalsIgnoreCase(variables.get("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"))
                || "1".equals(variables.get("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"));
        return ConnectRequest.forApp(app, environment(environment), credential(), chain, timeout);
    }

    private Credential credential() {
        String secret = variables.get("AZURE_CLIENT_SECRET");
        if (secret != null) {
            return Credential.ClientSecret.checked(
                    secret.toCharArray(),
                    "AZURE_CLIENT_SECRET is set but empty: set it to the client secret's value, or unset it to "
                            + "use AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE.");
        }
        String certificate = variables.get("AZURE_CLIENT_CERTIFICATE_PATH");
        if (certificate != null) {
            String password = variables.get("AZURE_CLIENT_CERTIFICATE_PASSWORD");
            return new Credential.CertificateFile(
                    Path.of(certificate), passwords.apply(password == null ? null : password.toCharArray()));
        }
        String federated = variables.get("AZURE_FEDERATED_TOKEN_FILE");
        if (federated != null) {
            return new Credential.FederatedTokenFile(Path.of(federated));
        }
        throw new CredentialNotConfiguredException(
                "connect --env needs one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or "
                        + "AZURE_FEDERATED_TOKEN_FILE besides AZURE_TENANT_ID and AZURE_CLIENT_ID; none is set.");
    }

    /**
     * azure-identity names the cloud with AZURE_AUTHORITY_HOST (the login endpoint); --env does the same,
     * unless --environment was given, so a cron job needs only variables.
     */
    private String environment(String environment) {
        String host = variables.get("AZURE_AUTHORITY_HOST");
        if (environment != null || host == null || host.isBlank()) {
            return environment;
        }
        String login = host.strip().replaceAll("/+$", "");
        return environments.list().stream()
                .filter(e -> e.login().toString().equalsIgnoreCase(login))
                .map(Environment::name)
                .findFirst()
                .orElseThrow(() -> new CredentialNotConfiguredException("AZURE_AUTHORITY_HOST " + login
                        + " is the login endpoint of no known environment; add one with: environment add NAME "
                        + "--login-endpoint " + login + " --graph-endpoint URL"));
    }
}

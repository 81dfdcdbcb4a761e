package dev.entrashell.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.entrashell.auth.ConnectRequest;
import dev.entrashell.auth.CredentialSpec;
import dev.entrashell.certificate.Passwords;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Environment;
import dev.entrashell.session.Environments;

/**
 * {@code connect --env}: a connect request from the variables azure-identity's EnvironmentCredential
 * reads, in its order (a secret, then a certificate, then a federated token file), so a cron job's
 * credentials need not sit in its command line.
 */
final class AzureIdentityVariables {
    private final ShellServices services;

    AzureIdentityVariables(ShellServices services) {
        this.services = services;
    }

    /** {@code --env}: the variables azure-identity's EnvironmentCredential reads, in its order. */
    ConnectRequest request(String environment, boolean sendCertificateChain, Duration timeout) {
        Map<String, String> variables = services.environmentVariables();
        String envTenant = variables.get("AZURE_TENANT_ID");
        String envClient = variables.get("AZURE_CLIENT_ID");
        ConnectCommand.requireIds(envTenant, envClient, "AZURE_TENANT_ID", "AZURE_CLIENT_ID");
        boolean chain = sendCertificateChain
                || "true".equalsIgnoreCase(variables.get("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"))
                || "1".equals(variables.get("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"));
        CredentialSpec credential;
        if (variables.get("AZURE_CLIENT_SECRET") != null) {
            if (variables.get("AZURE_CLIENT_SECRET").isBlank()) {
                throw ShellException.usage("AZURE_CLIENT_SECRET is set but empty: set it to the client secret's "
                        + "value, or unset it to use AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE.");
            }
            credential = new CredentialSpec.ClientSecret(
                    variables.get("AZURE_CLIENT_SECRET").toCharArray());
        } else if (variables.get("AZURE_CLIENT_CERTIFICATE_PATH") != null) {
            String password = variables.get("AZURE_CLIENT_CERTIFICATE_PASSWORD");
            credential = new CredentialSpec.CertificateFile(
                    Path.of(variables.get("AZURE_CLIENT_CERTIFICATE_PATH")),
                    new Passwords(
                            password == null ? null : password.toCharArray(),
                            services.prompter(),
                            services.diagnostics().redactor()));
        } else if (variables.get("AZURE_FEDERATED_TOKEN_FILE") != null) {
            credential = new CredentialSpec.FederatedTokenFile(Path.of(variables.get("AZURE_FEDERATED_TOKEN_FILE")));
        } else {
            throw ShellException.usage(
                    "connect --env needs one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or "
                            + "AZURE_FEDERATED_TOKEN_FILE besides AZURE_TENANT_ID and AZURE_CLIENT_ID; none is set.");
        }
        return new ConnectRequest(
                envTenant.strip(),
                envClient,
                environmentFromAuthorityHost(variables, environment),
                credential,
                chain,
                timeout);
    }

    /**
     * azure-identity names the cloud with AZURE_AUTHORITY_HOST (the login endpoint); --env does the same,
     * unless --environment was given, so a cron job needs only variables.
     */
    private String environmentFromAuthorityHost(Map<String, String> variables, String environment) {
        String host = variables.get("AZURE_AUTHORITY_HOST");
        if (environment != null || host == null || host.isBlank()) {
            return environment == null ? Environments.GLOBAL : environment;
        }
        String login = host.strip().replaceAll("/+$", "");
        return services.environments().list().stream()
                .filter(e -> e.login().toString().equalsIgnoreCase(login))
                .map(Environment::name)
                .findFirst()
                .orElseThrow(
                        () -> ShellException.usage("AZURE_AUTHORITY_HOST " + login + " is the login endpoint of no "
                                + "known environment; add one with: environment add NAME --login-endpoint " + login
                                + " --graph-endpoint URL"));
    }
}

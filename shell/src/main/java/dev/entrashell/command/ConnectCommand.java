package dev.entrashell.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.entrashell.ShellException;
import dev.entrashell.auth.ConnectRequest;
import dev.entrashell.auth.CredentialSpec;
import dev.entrashell.auth.Passwords;
import dev.entrashell.auth.Thumbprint;
import dev.entrashell.auth.TokenClaims;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.session.Connection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "connect",
        description = "Sign in as an app (app-only), as Connect-Entra and Connect-MgGraph do.",
        footer = {
            "",
            "Examples:",
            "  connect --tenant-id contoso.onmicrosoft.com --client-id APP_ID --thumbprint 0F3A...",
            "  connect --tenant-id TENANT --client-id APP_ID --certificate app.pfx --password-env PFX_PASSWORD",
            "  connect --tenant-id TENANT --client-id APP_ID --certificate app.pem --environment USGov"
        })
final class ConnectCommand implements Runnable {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    @Mixin
    HelpOption help;

    @Option(
            names = {"--tenant-id", "--tenant"},
            paramLabel = "TENANT",
            description = "The directory: its GUID or a verified domain such as contoso.onmicrosoft.com.")
    String tenant;

    @Option(
            names = {"--client-id", "--app-id", "--application-id"},
            paramLabel = "APP_ID",
            description = "The app registration's application (client) id.")
    String clientId;

    @Option(
            names = {"--thumbprint", "--certificate-thumbprint"},
            paramLabel = "HEX",
            description =
                    "Find the certificate by its SHA-1 thumbprint in a store (spaces, colons and case are ignored).")
    String thumbprint;

    @Option(
            names = "--store",
            paramLabel = "STORE",
            defaultValue = "default",
            description =
                    "Where --thumbprint looks: default, a .pfx/.p12 file or a folder of them (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(
            names = {"--certificate", "--certificate-path"},
            paramLabel = "FILE",
            description = "A .pfx/.p12 file, or a PEM file with the certificate and its private key.")
    Path certificate;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Read the certificate's password from this file.")
    Path passwordFile;

    @Option(
            names = "--password-env",
            paramLabel = "VARIABLE",
            description = "Read the certificate's password from this environment variable.")
    String passwordEnv;

    @Option(
            names = "--environment",
            paramLabel = "NAME",
            defaultValue = "Global",
            completionCandidates = EnvironmentNames.class,
            description =
                    "The cloud: Global, China, USGov, USGovDoD or one added with 'environment add' (default: ${DEFAULT-VALUE}).")
    String environment;

    @Option(
            names = "--send-certificate-chain",
            description = "Send the certificate chain (x5c), for subject name and issuer sign-in.")
    boolean sendCertificateChain;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "100",
            description = "How long to wait for each answer from Entra ID and Graph (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--no-welcome", description = "Do not print the line that confirms the connection.")
    boolean noWelcome;

    private final ShellServices services;

    ConnectCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        ConnectRequest request = request();
        Connection connection = services.connector().connect(request);
        services.session().connect(connection);
        if (!noWelcome) {
            welcome(connection, services.output());
        }
    }

    private ConnectRequest request() {
        List<String> forms = new ArrayList<>();
        if (thumbprint != null) {
            forms.add("--thumbprint");
        }
        if (certificate != null) {
            forms.add("--certificate");
        }
        if (forms.size() != 1) {
            throw ShellException.usage(
                    forms.isEmpty()
                            ? "connect needs a credential: --thumbprint HEX (from a certificate store) or --certificate FILE. See 'help connect'."
                            : "connect takes one credential form, but got " + String.join(" and ", forms)
                                    + "; keep one.");
        }
        if (tenant == null || tenant.isBlank()) {
            throw ShellException.usage("connect needs --tenant-id: the directory's GUID or a verified domain such as "
                    + "contoso.onmicrosoft.com (shown on the app registration's Overview page).");
        }
        if (clientId == null || !GUID.matcher(clientId).matches()) {
            throw ShellException.usage(
                    clientId == null
                            ? "connect needs --client-id: the app registration's application (client) id."
                            : "--client-id '" + clientId
                                    + "' is not an application (client) id: expected a GUID such as "
                                    + "11111111-2222-3333-4444-555555555555 from the app registration's Overview page.");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw ShellException.usage("--timeout " + timeoutSeconds + " is out of range: give 1 to 3600 seconds.");
        }
        Passwords passwords = new Passwords(
                password(), services.prompter(), services.diagnostics().redactor());
        CredentialSpec credential = certificate != null
                ? new CredentialSpec.CertificateFile(certificate, passwords)
                : new CredentialSpec.CertificateThumbprint(Thumbprint.parse(thumbprint), store, passwords);
        return new ConnectRequest(
                tenant.trim(),
                clientId,
                environment,
                credential,
                sendCertificateChain,
                Duration.ofSeconds(timeoutSeconds));
    }

    /** The password given with --password-file or --password-env; null when none was given. */
    private char[] password() {
        if (passwordFile != null && passwordEnv != null) {
            throw ShellException.usage("Give the password once: --password-file or --password-env, not both.");
        }
        if (passwordEnv != null) {
            String value = services.environmentVariables().get(passwordEnv);
            if (value == null) {
                throw ShellException.usage("--password-env " + passwordEnv + ": no such environment variable is set.");
            }
            return value.toCharArray();
        }
        if (passwordFile != null) {
            try {
                String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
                // Files written with echo end in a newline that is not part of the password.
                return content.replaceFirst("\\r?\\n$", "").toCharArray();
            } catch (IOException e) {
                throw ShellException.usage("--password-file " + passwordFile + " cannot be read: " + e.getMessage());
            }
        }
        return null;
    }

    private static void welcome(Connection connection, ShellOutput output) {
        TokenClaims claims = connection.tokens().token().claims();
        List<String> roles = claims.roles();
        output.out()
                .println("Connected to tenant " + connection.tenant()
                        + (claims.tenantId() != null && !claims.tenantId().equalsIgnoreCase(connection.tenant())
                                ? " (" + claims.tenantId() + ")"
                                : "")
                        + " as " + (claims.appName() == null ? "app" : "'" + claims.appName() + "'") + " ("
                        + connection.clientId() + ")"
                        + " in " + connection.environment().name() + ": AppOnly, " + connection.credentialType() + ", "
                        + roles.size() + (roles.size() == 1 ? " role." : " roles."));
        if (roles.isEmpty()) {
            output.warn(
                    "Warning: the token carries no roles: this app has no application permissions granted in this "
                            + "tenant, so Graph will refuse its calls (403). Grant them under API permissions and give admin consent.");
        }
    }
}

package dev.entrashell.command;

import java.time.Duration;
import java.util.Optional;

import dev.entrashell.auth.AppIdentity;
import dev.entrashell.auth.AzureIdentityVariables;
import dev.entrashell.auth.ConnectRequest;
import dev.entrashell.auth.Connection;
import dev.entrashell.auth.Credential;
import dev.entrashell.auth.CredentialNotConfiguredException;
import dev.entrashell.auth.GivenAccessToken;
import dev.entrashell.certificate.Passwords;
import dev.entrashell.connection.SavedConnection;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "connect",
        description = "Sign in as an app (app-only), as Connect-Entra and Connect-MgGraph do.",
        footer = {
            "",
            "Give exactly one credential: --thumbprint, --subject-name, --certificate, --secret (or --secret-file,",
            "--secret-env), --federated-token-file, --identity, --env (the AZURE_* variables), or --access-token",
            "(or --access-token-file, --access-token-env: a Graph token from elsewhere, used as given).",
            "",
            "Examples:",
            "  connect --tenant-id contoso.onmicrosoft.com --client-id APP_ID --thumbprint 0F3A...",
            "  connect --tenant-id TENANT --client-id APP_ID --certificate app.pfx --password-env PFX_PASSWORD",
            "  connect --tenant-id TENANT --client-id APP_ID --subject-name 'CN=My Automation'",
            "  connect --tenant-id TENANT --client-id APP_ID --secret",
            "  connect --identity --client-id USER_ASSIGNED_CLIENT_ID",
            "  connect --env",
            "  connect --access-token-file token.json   (az account get-access-token --resource https://graph.microsoft.com > token.json)",
            "",
            "Named connections: add --name NAME to save how to connect (references only: a thumbprint, a file's",
            "path, a variable's name; never a secret), once the sign-in works. 'connect NAME' connects that way",
            "again, asking for a secret that was typed. Several can be live at once: see 'help connection'.",
            "  connect --tenant-id TENANT --client-id APP_ID --thumbprint 0F3A... --name prod",
            "  connect prod"
        })
final class ConnectCommand implements Runnable, ExplainsParameterErrors {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            completionCandidates = ConnectionNames.class,
            description = "Connect the way saved under this name (with connect ... --name NAME).")
    String saved;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Save how to connect under this name once the sign-in works, and name the session so.")
    String name;

    @Option(
            names = {"--tenant-id", "--tenant"},
            paramLabel = "TENANT",
            description = "The directory: its GUID or a verified domain such as contoso.onmicrosoft.com.")
    String tenant;

    @Option(
            names = {"--client-id", "--app-id", "--application-id"},
            paramLabel = "APP_ID",
            description =
                    "The app registration's application (client) id; with --identity, a user-assigned identity's client id.")
    String clientId;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    CredentialOptions credential;

    @Option(
            names = "--store",
            paramLabel = "STORE",
            defaultValue = "default",
            description =
                    "Where --thumbprint and --subject-name look: default, a .pfx/.p12 file or a folder (default: ${DEFAULT-VALUE}).")
    String store;

    @Mixin
    PasswordOptions password;

    @Option(
            names = "--object-id",
            paramLabel = "ID",
            description = "With --identity: a user-assigned identity's object (principal) id.")
    String objectId;

    @Option(
            names = "--resource-id",
            paramLabel = "ID",
            description = "With --identity: a user-assigned identity's Azure resource id.")
    String resourceId;

    @Option(
            names = "--environment",
            paramLabel = "NAME",
            completionCandidates = EnvironmentNames.class,
            description =
                    "The cloud: Global, China, USGov, USGovDoD or one added with 'environment add' (default: Global; with --env, the one whose login endpoint is AZURE_AUTHORITY_HOST, if set).")
    String environment;

    @Option(
            names = "--send-certificate-chain",
            description = "Send the certificate chain (x5c), for subject name and issuer sign-in.")
    boolean sendCertificateChain;

    /** Graph's own SDKs wait 100 s for a call; so does the shell, for a whole call with its retries. */
    static final String DEFAULT_TIMEOUT_SECONDS = "100";

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = DEFAULT_TIMEOUT_SECONDS,
            description =
                    "The deadline, in seconds, of each exchange with Entra ID and of each Graph call, retries, waits for Retry-After and a slow answer included (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--no-welcome", description = "Do not print the line that confirms the connection.")
    boolean noWelcome;

    private final ShellServices services;

    ConnectCommand(ShellServices services) {
        this.services = services;
    }

    /** The name a saved connection is connected under, when this command was made from it. */
    private String savedName;

    @Override
    public void run() {
        if (saved != null) {
            connectSaved();
            return;
        }
        if (name != null) {
            SavedConnection.checkName(name);
            services.savedConnections().list(); // a damaged file: say so before signing in, not after
        }
        Connection connection;
        try {
            connection = services.connector().connect(request());
        } catch (ShellException e) {
            // The session the user was in stays: say which, so the next command is not sent somewhere unexpected.
            throw services.session()
                    .active()
                    .map(active ->
                            e.followedBy("The active connection is still " + active.labelWithEnvironment() + "."))
                    .orElse(e);
        }
        services.session().connect(name != null ? name : savedName, connection);
        if (!noWelcome) {
            ConnectedLine.print(connection, services.output());
        }
        if (name != null) {
            services.savedConnections().save(ConnectRecipe.of(this, name, services.output()));
        }
        CertificateExpiryWarning.warnIfSoon(connection, services.output(), services.clock());
        if (connection.tokens() instanceof GivenAccessToken given) {
            services.output()
                    .warn("Note: this token is used as given and never renewed; it expires "
                            + given.token().expiresOn() + " (in " + given.left().toMinutes()
                            + " min): connect again with a new one then.");
        }
    }

    /** {@code connect NAME}: the saved options, parsed as if typed, into a connect of their own. */
    private void connectSaved() {
        boolean others = spec.commandLine().getParseResult().matchedOptions().stream()
                .anyMatch(option -> !option.longestName().equals("--no-welcome"));
        if (others) {
            throw ShellException.usage("connect " + saved + " connects the saved way and takes no other options but "
                    + "--no-welcome; to change how it connects, connect ... --name " + saved + " again.");
        }
        SavedConnection recipe = services.savedConnections().require(saved);
        CommandLine line =
                new CommandLine(ConnectCommand.class, spec.commandLine().getFactory());
        try {
            line.parseArgs(recipe.connectArguments().toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw ShellException.usage("Saved connection '" + recipe.name() + "' in "
                    + services.savedConnections().file() + " cannot be used: "
                    + explain(e).orElse(e.getMessage())
                    + ". Save it again with connect ... --name " + recipe.name());
        }
        ConnectCommand again = line.getCommand();
        again.savedName = recipe.name();
        again.noWelcome = noWelcome;
        again.run();
    }

    /** The options as a checked request: the one credential, and the app it signs in as where it needs one. */
    private ConnectRequest request() {
        Duration timeout = ConnectRequest.timeout(timeoutSeconds);
        if (credential == null) {
            throw new CredentialNotConfiguredException(CredentialOptions.NONE);
        }
        if (!credential.identity && (objectId != null || resourceId != null)) {
            throw new CredentialNotConfiguredException(
                    "--object-id and --resource-id name a user-assigned managed identity; use them with --identity.");
        }
        if (credential.fromEnvironment) {
            return new AzureIdentityVariables(
                            services.environmentVariables(),
                            services.environments(),
                            given -> new Passwords(
                                    given,
                                    services.prompter(),
                                    services.diagnostics().redactor()))
                    .request(environment, sendCertificateChain, timeout);
        }
        if (credential.identity) {
            return ConnectRequest.forOwnIdentity(
                    environment, Credential.ManagedIdentity.of(tenant, clientId, objectId, resourceId), timeout);
        }
        if (credential.accessToken != null) {
            return ConnectRequest.forOwnIdentity(
                    environment,
                    Credential.AccessTokenGiven.of(tenant, clientId, () -> credential.accessToken.read(services)),
                    timeout);
        }
        AppIdentity app = AppIdentity.of(tenant, clientId, "--tenant-id", "--client-id");
        return ConnectRequest.forApp(
                app,
                environment,
                credential.appCredential(store, () -> password.passwords(services), services),
                sendCertificateChain,
                timeout);
    }

    @Override
    public Optional<String> explain(CommandLine.ParameterException e) {
        return CredentialOptions.explain(e);
    }
}

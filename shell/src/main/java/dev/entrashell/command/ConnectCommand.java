package dev.entrashell.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.entrashell.auth.ConnectRequest;
import dev.entrashell.auth.Connection;
import dev.entrashell.auth.CredentialSpec;
import dev.entrashell.auth.CredentialSpec.ManagedIdentityKind;
import dev.entrashell.auth.GivenAccessToken;
import dev.entrashell.certificate.Passwords;
import dev.entrashell.certificate.Thumbprint;
import dev.entrashell.connection.SavedConnection;
import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Environments;
import picocli.CommandLine;
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
final class ConnectCommand implements Runnable {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    /** A tenant is a GUID or a DNS name: it becomes a path segment of the login URL, so nothing else passes. */
    private static final Pattern TENANT = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    /** The value picocli gives {@code --secret} when it has none: ask at the terminal. */
    private static final String PROMPT = "";

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

    @Mixin
    AccessTokenOptions accessToken;

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

    @Option(
            names = {"--thumbprint", "--certificate-thumbprint"},
            completionCandidates = StoreThumbprints.class,
            paramLabel = "HEX",
            description =
                    "Find the certificate by its SHA-1 thumbprint in a store (spaces, colons and case are ignored).")
    String thumbprint;

    @Option(
            names = {"--subject-name", "--certificate-name", "--certificate-subject-name"},
            paramLabel = "NAME",
            description = "Find the newest valid certificate with this subject (CN=Name or Name) in a store.")
    String subjectName;

    @Option(
            names = "--store",
            paramLabel = "STORE",
            defaultValue = "default",
            description =
                    "Where --thumbprint and --subject-name look: default, a .pfx/.p12 file or a folder (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(
            names = {"--certificate", "--certificate-path"},
            paramLabel = "FILE",
            description = "A .pfx/.p12 file, or a PEM file with the certificate and its private key.")
    Path certificate;

    @Mixin
    PasswordOptions password;

    @Option(
            names = {"--secret", "--client-secret"},
            arity = "0..1",
            fallbackValue = PROMPT,
            paramLabel = "VALUE",
            description =
                    "A client secret; without a value it is asked for, masked. A value here is visible to others: prefer the prompt, --secret-file or --secret-env.")
    String secret;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "Read the client secret from this file.")
    Path secretFile;

    @Option(names = "--secret-env", paramLabel = "VARIABLE", description = "Read the client secret from this variable.")
    String secretEnv;

    @Option(
            names = "--federated-token-file",
            paramLabel = "FILE",
            description =
                    "Use the token in this file as the client assertion (workload identity federation); it is read again for every token.")
    Path federatedTokenFile;

    @Option(
            names = {"--identity", "--managed-identity"},
            description =
                    "Use this host's managed identity: system-assigned, or user-assigned with --client-id, --object-id or --resource-id.")
    boolean identity;

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
            names = {"--env", "--environment-variable"},
            description =
                    "Read AZURE_TENANT_ID, AZURE_CLIENT_ID and one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH, AZURE_FEDERATED_TOKEN_FILE.")
    boolean fromEnvironment;

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
                    + services.savedConnections().file() + " cannot be used: " + e.getMessage()
                    + ". Save it again with connect ... --name " + recipe.name());
        }
        ConnectCommand again = line.getCommand();
        again.savedName = recipe.name();
        again.noWelcome = noWelcome;
        again.run();
    }

    private ConnectRequest request() {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw ShellException.usage("--timeout " + timeoutSeconds + " is out of range: give 1 to 3600 seconds.");
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        String form = oneForm();
        if (form.equals("--env")) {
            return new AzureIdentityVariables(services).request(environment, sendCertificateChain, timeout);
        }
        if (form.equals("--access-token")) {
            if (tenant != null || clientId != null) {
                throw ShellException.usage(
                        "An access token carries its own tenant and app; leave out --tenant-id and --client-id.");
            }
            return new ConnectRequest(
                    null,
                    null,
                    environmentName(),
                    new CredentialSpec.AccessTokenGiven(accessToken.read(services)),
                    false,
                    timeout);
        }
        if (form.equals("--identity")) {
            return new ConnectRequest(null, null, environmentName(), managedIdentity(), false, timeout);
        }
        requireIds(tenant, clientId, "--tenant-id", "--client-id");
        CredentialSpec credential =
                switch (form) {
                    case "--certificate" -> new CredentialSpec.CertificateFile(certificate, passwords());
                    case "--thumbprint" ->
                        new CredentialSpec.CertificateThumbprint(Thumbprint.parse(thumbprint), store, passwords());
                    case "--subject-name" -> new CredentialSpec.CertificateSubject(subjectName(), store, passwords());
                    case "--federated-token-file" -> new CredentialSpec.FederatedTokenFile(federatedTokenFile);
                    default -> new CredentialSpec.ClientSecret(clientSecret());
                };
        return new ConnectRequest(
                tenant.strip(), clientId, environmentName(), credential, sendCertificateChain, timeout);
    }

    /** The credential form given; exactly one is allowed, as in Connect-MgGraph's parameter sets. */
    private String oneForm() {
        List<String> forms = new ArrayList<>();
        addIf(forms, thumbprint != null, "--thumbprint");
        addIf(forms, subjectName != null, "--subject-name");
        addIf(forms, certificate != null, "--certificate");
        addIf(forms, secret != null, "--secret");
        addIf(forms, secretFile != null, "--secret-file");
        addIf(forms, secretEnv != null, "--secret-env");
        addIf(forms, federatedTokenFile != null, "--federated-token-file");
        addIf(forms, identity, "--identity");
        addIf(forms, fromEnvironment, "--env");
        forms.addAll(accessToken.given());
        if (forms.size() != 1) {
            throw ShellException.usage(
                    forms.isEmpty()
                            ? "connect needs a credential: --thumbprint HEX, --subject-name NAME, --certificate FILE, --secret, "
                                    + "--federated-token-file FILE, --identity, --env or --access-token. See 'help connect'."
                            : "connect takes one credential form, but got " + String.join(" and ", forms)
                                    + "; keep one.");
        }
        if (!identity && (objectId != null || resourceId != null)) {
            throw ShellException.usage(
                    "--object-id and --resource-id name a user-assigned managed identity; use them with --identity.");
        }
        String form = forms.get(0);
        return form.startsWith("--secret") ? "--secret" : form.startsWith("--access-token") ? "--access-token" : form;
    }

    private static void addIf(List<String> forms, boolean given, String name) {
        if (given) {
            forms.add(name);
        }
    }

    static void requireIds(String tenant, String clientId, String tenantName, String clientName) {
        if (tenant == null || tenant.isBlank()) {
            throw ShellException.usage(
                    "connect needs " + tenantName + ": the directory's GUID or a verified domain such as "
                            + "contoso.onmicrosoft.com (shown on the app registration's Overview page).");
        }
        if (!TENANT.matcher(tenant.strip()).matches()) {
            throw ShellException.usage(tenantName + " '" + Printable.of(tenant) + "' is not a tenant: give the "
                    + "directory's GUID or a domain such as contoso.onmicrosoft.com (letters, digits, dots and "
                    + "hyphens), as shown on the app registration's Overview page.");
        }
        if (clientId == null || !GUID.matcher(clientId).matches()) {
            throw ShellException.usage(
                    clientId == null
                            ? "connect needs " + clientName + ": the app registration's application (client) id."
                            : clientName + " '" + Printable.of(clientId)
                                    + "' is not an application (client) id: expected a GUID such as "
                                    + "11111111-2222-3333-4444-555555555555 from the app registration's Overview page.");
        }
    }

    private CredentialSpec.ManagedIdentity managedIdentity() {
        if (tenant != null) {
            throw ShellException.usage("--identity signs in to the identity's own tenant; leave out --tenant-id.");
        }
        int ids = (clientId != null ? 1 : 0) + (objectId != null ? 1 : 0) + (resourceId != null ? 1 : 0);
        if (ids > 1) {
            throw ShellException.usage(
                    "Name a user-assigned identity once: --client-id, --object-id or --resource-id.");
        }
        if (clientId != null) {
            return new CredentialSpec.ManagedIdentity(ManagedIdentityKind.CLIENT_ID, clientId);
        }
        if (objectId != null) {
            return new CredentialSpec.ManagedIdentity(ManagedIdentityKind.OBJECT_ID, objectId);
        }
        if (resourceId != null) {
            return new CredentialSpec.ManagedIdentity(ManagedIdentityKind.RESOURCE_ID, resourceId);
        }
        return new CredentialSpec.ManagedIdentity(ManagedIdentityKind.SYSTEM_ASSIGNED, null);
    }

    private String environmentName() {
        return environment == null ? Environments.GLOBAL : environment;
    }

    private char[] clientSecret() {
        char[] value = SecretSources.read(
                "--secret", "secret", "Client secret: ", secret, PROMPT, secretFile, secretEnv, services);
        if (new String(value).isBlank()) {
            throw ShellException.usage(
                    secretFile != null
                            ? "--secret-file " + secretFile
                                    + " holds no secret (it is empty or blank lines only): write "
                                    + "the client secret's value into it."
                            : secretEnv != null
                                    ? "--secret-env " + secretEnv
                                            + " is empty: set the variable to the client secret's value."
                                    : "--secret is empty: give the client secret's value (the Value column under "
                                            + "Certificates & secrets, not the Secret ID).");
        }
        services.diagnostics().redactor().register(value);
        return value;
    }

    private String subjectName() {
        if (subjectName.isBlank() || subjectName.strip().equalsIgnoreCase("CN=")) {
            throw ShellException.usage("--subject-name is empty: give the certificate's subject, such as "
                    + "'CN=My Automation' (see 'cert list').");
        }
        return subjectName;
    }

    private Passwords passwords() {
        return password.passwords(services);
    }
}

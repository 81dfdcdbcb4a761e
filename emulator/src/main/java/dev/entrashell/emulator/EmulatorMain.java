package dev.entrashell.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;

import dev.entrashell.emulator.demo.DemoIdentities;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.ManagedIdentity;
import dev.entrashell.emulator.state.CertificateAuthorityFiles;
import dev.entrashell.emulator.state.DemoAppFiles;
import dev.entrashell.emulator.state.StateDirectory;

/**
 * {@code java -jar entra-emulator.jar}: runs the emulator until killed, after printing what a
 * client needs to use it.
 */
public final class EmulatorMain {
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmulatorArguments arguments;
        try {
            arguments = EmulatorArguments.parse(args);
        } catch (UsageException e) {
            System.err.println("entra-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.print(EmulatorArguments.USAGE);
            return;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(arguments.toOptions());
        } catch (IOException | RuntimeException e) {
            System.err.println("entra-emulator: cannot start: " + e.getMessage()
                    + " (a port in use? choose others with --login-port and --graph-port)");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "entra-emulator-shutdown"));
        try {
            writeWorkloadFiles(emulator, arguments.stateDir());
        } catch (IOException e) {
            System.err.println("entra-emulator: cannot write the workload identity files: " + e.getMessage());
        }
        PrintStream out = System.out;
        out.print(banner(emulator, arguments));
        out.flush();
        if (!arguments.quiet()) {
            emulator.addRequestListener(request -> out.println(LOG_TIME.format(request.time()) + " " + request.server()
                    + " " + request.method() + " " + request.pathAndQuery() + " -> " + request.status()));
        }
        new CountDownLatch(1).await(); // until the process is killed; the hook closes the servers
    }

    /** How long the federated token written at start stays valid: a working day of demos. */
    static final Duration FEDERATED_TOKEN_LIFETIME = Duration.ofHours(24);

    static final String FEDERATED_TOKEN_FILE = "federated-token.jwt";
    static final String SNI_CERTIFICATE_FILE = "sni-client.pem";
    static final String IDENTITY_HEADER_FILE = "identity-header";

    /**
     * App Service's secret ({@code IDENTITY_HEADER}, no trailing newline), a federated token for the
     * demo app's trusted service account, and a client certificate (with its chain and key) for its
     * trusted subject, issued by the CA the tenant trusts; all new on every start, as the secret,
     * the issuer's URL and key and the CA are.
     */
    static void writeWorkloadFiles(Emulator emulator, Path stateDir) throws IOException {
        DemoIdentities identities = emulator.demoIdentities();
        StateDirectory.open(stateDir).write(IDENTITY_HEADER_FILE, emulator.identityHeader());
        emulator.federatedIssuer()
                .mintToFile(
                        stateDir.resolve(FEDERATED_TOKEN_FILE),
                        identities.federatedCredential().subject(),
                        FEDERATED_TOKEN_LIFETIME);
        emulator.issueClientCertificate(identities.trustedSubject().subjectName())
                .writePem(stateDir.resolve(SNI_CERTIFICATE_FILE));
    }

    /** What a client needs: endpoints, the CA to trust, the demo app's identity and credential files. */
    static String banner(Emulator emulator, EmulatorArguments arguments) {
        DemoTenant demo = emulator.demo();
        Path state = arguments.stateDir().toAbsolutePath();
        Path ca = state.resolve(CertificateAuthorityFiles.CERTIFICATE_FILE);
        Path secret = state.resolve(DemoAppFiles.SECRET_FILE);
        String token = emulator.tokenEndpoint(demo.tenantId()).toString();
        StringBuilder text = new StringBuilder();
        text.append("Entra emulator is running (Ctrl-C stops it)\n");
        line(text, "Login (token) endpoint", emulator.loginEndpoint().toString());
        line(text, "Graph endpoint", emulator.graphEndpoint() + "  (serves /v1.0 and /beta)");
        line(text, "CA certificate", ca + "  (clients must trust this CA)");
        text.append("\nDemo tenant\n");
        line(text, "Tenant id", demo.tenantId());
        line(text, "Domain", demo.domain() + "  (" + demo.organizationName() + ")");
        line(text, "Client id", demo.clientId());
        line(text, "App name", demo.appName());
        line(text, "Roles", String.join(", ", demo.roles()));
        line(
                text,
                "Users",
                String.valueOf(emulator.directory().users(demo.tenantId()).size()));
        if (!emulator.throttling().isOff()) {
            Throttling throttling = emulator.throttling();
            line(
                    text,
                    "Throttling",
                    (throttling.trigger() == Throttling.Trigger.EVERY_NTH_REQUEST
                                    ? "every " + throttling.every() + "th request"
                                    : "the first request for each path")
                            + " gets " + throttling.status() + " with Retry-After: " + throttling.retryAfterSeconds());
        }
        line(text, "Cert thumbprint", demo.thumbprintSha1Hex());
        line(
                text,
                "Cert + key (PKCS#12)",
                state.resolve(DemoAppFiles.PFX_FILE) + "  (password in " + state.resolve(DemoAppFiles.PFX_PASSWORD_FILE)
                        + ")");
        line(text, "Cert + key (PEM)", state.resolve(DemoAppFiles.PEM_FILE).toString());
        line(text, "Cert for upload (DER)", state.resolve(DemoAppFiles.CER_FILE).toString());
        line(text, "Client secret file", secret.toString());
        DemoIdentities identities = emulator.demoIdentities();
        text.append("\nManaged identity (this host; plain HTTP)\n");
        line(text, "IMDS", "AZURE_POD_IDENTITY_AUTHORITY_HOST=" + emulator.managedIdentityEndpoint());
        line(
                text,
                "App Service",
                "IDENTITY_ENDPOINT=" + emulator.identityEndpoint() + " IDENTITY_HEADER=\"$(cat "
                        + quoted(state.resolve(IDENTITY_HEADER_FILE)) + ")\"");
        line(text, "System-assigned", describe(identities.systemAssigned()));
        line(text, "User-assigned", describe(identities.userAssigned()));
        line(text, "User-assigned", describe(identities.userAssignedWithoutRoles()));
        text.append("\nDemo app: workload identity federation and subject name + issuer\n");
        line(text, "Federated issuer", identities.federatedCredential().issuer());
        line(
                text,
                "Federated subject",
                identities.federatedCredential().subject() + "  (audience "
                        + identities.federatedCredential().audiences().get(0) + ")");
        line(
                text,
                "Federated token file",
                state.resolve(FEDERATED_TOKEN_FILE) + "  (AZURE_FEDERATED_TOKEN_FILE; valid 24 h from start)");
        line(text, "Trusted subject", identities.trustedSubject().subjectName());
        line(
                text,
                "SN+I cert + chain + key",
                state.resolve(SNI_CERTIFICATE_FILE) + "  (send the chain: --send-certificate-chain)");
        text.append("\nExample: get a token with the client secret, then call Graph with it\n")
                .append("  TOKEN=$(curl -s --cacert ")
                .append(quoted(ca))
                .append(" \\\n")
                .append("      --data-urlencode grant_type=client_credentials \\\n")
                .append("      --data-urlencode client_id=")
                .append(demo.clientId())
                .append(" \\\n")
                .append("      --data-urlencode client_secret@")
                .append(quoted(secret))
                .append(" \\\n")
                .append("      --data-urlencode scope=https://graph.microsoft.com/.default \\\n")
                .append("      ")
                .append(token)
                .append(" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n")
                .append("  curl -s --cacert ")
                .append(quoted(ca))
                .append(" -H \"Authorization: Bearer $TOKEN\" ")
                .append(emulator.graphEndpoint())
                .append("/v1.0/organization\n")
                .append("\nExample: the host's managed identity token, as IMDS gives it\n")
                .append("  curl -s -H 'Metadata: true' '")
                .append(emulator.managedIdentityEndpoint())
                .append(
                        "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.microsoft.com'\n\n");
        return text.toString();
    }

    private static String describe(ManagedIdentity identity) {
        return identity.clientId() + "  " + identity.displayName() + "  roles: "
                + (identity.roles().isEmpty()
                        ? "none"
                        : String.join(", ", identity.roles().stream().sorted().toList()));
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append("  ").append(String.format("%-24s", label)).append(value).append('\n');
    }

    /** Single-quoted for a POSIX shell. */
    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}

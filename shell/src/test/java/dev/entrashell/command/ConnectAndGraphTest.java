package dev.entrashell.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.TestShell;
import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.errors.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands over the non-interactive executor, against the emulator through real MSAL and HTTPS. */
@EmulatorTest(users = 250)
class ConnectAndGraphTest {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static Path pfx;
    private static final String PFX_PASSWORD = "test-pfx-password";

    @TempDir
    static Path shared;

    @TempDir
    Path home;

    private TestShell shell;

    @BeforeAll
    static void startEmulator() throws Exception {
        demo = emulator.demo();
        pfx = shared.resolve("demo.pfx");
        TestCertificates.writePfx(
                new TestCertificates.Issued(
                        new java.security.KeyPair(demo.certificate().getPublicKey(), demo.privateKey()),
                        demo.certificate()),
                pfx,
                PFX_PASSWORD.toCharArray());
    }

    @BeforeEach
    void newShell() throws Exception {
        shell = TestShell.against(emulator, home);
        Files.writeString(home.resolve("pw.txt"), PFX_PASSWORD + "\n");
    }

    private String connect(String credential) {
        return "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId() + " "
                + credential;
    }

    /** Connect with a PFX file prints the welcome line; context shows every field of an app-only session. */
    @Test
    void connectAndContext() {
        int code = shell.run(connect("--certificate " + pfx + " --password-file " + home.resolve("pw.txt")), "context");
        assertThat(code).as(shell.err()).isZero();
        // The welcome line is a message (stderr); context is data (stdout).
        assertThat(shell.err())
                .contains("Connected to tenant " + demo.tenantId() + " as 'Entra Shell Demo' (" + demo.clientId()
                        + ") in Emu: AppOnly, ClientCertificate, 8 roles.");
        assertThat(shell.out())
                .doesNotContain("Connected to tenant")
                .containsPattern("ClientId\\s+: " + demo.clientId())
                .containsPattern("TenantId\\s+: " + demo.tenantId())
                .containsPattern("AppName\\s+: Entra Shell Demo")
                .containsPattern("AuthType\\s+: AppOnly")
                .containsPattern("TokenCredentialType\\s+: ClientCertificate")
                .containsPattern("CertificateThumbprint\\s+: " + demo.thumbprintSha1Hex())
                .containsPattern("CertificateSubjectName\\s+: CN=Entra Shell Demo")
                .containsPattern("SendCertificateChain\\s+: False")
                .containsPattern(
                        "Scopes\\s+: Application.Read.All, AuditLog.Read.All, Device.Read.All, Directory.Read.All, Group.Read.All, GroupMember.ReadWrite.All, Organization.Read.All, User.Read.All")
                .containsPattern("Environment\\s+: Emu")
                .containsPattern("ContextScope\\s+: Process")
                .containsPattern("TokenExpiresOn\\s+: 20");
        List<String> names = shell.out()
                .lines()
                .filter(l -> l.contains(" : ") && !l.startsWith("Connected"))
                .map(l -> l.substring(0, l.indexOf(' ')))
                .toList();
        assertThat(names)
                .containsExactly(
                        "ClientId",
                        "TenantId",
                        "AppName",
                        "AuthType",
                        "TokenCredentialType",
                        "CertificateThumbprint",
                        "CertificateSubjectName",
                        "SendCertificateChain",
                        "ManagedIdentityId",
                        "Scopes",
                        "Environment",
                        "ContextScope",
                        "TokenExpiresOn",
                        "CertificateExpiresOn");
    }

    /** context --output json has the same fields as JSON values. */
    @Test
    void contextAsJson() {
        shell.run(connect("--certificate " + pfx + " --password-file " + home.resolve("pw.txt") + " --no-welcome"));
        shell.clear();
        assertThat(shell.run("context --output json")).isZero();
        JsonObject json = JsonParser.parseString(shell.out()).getAsJsonObject();
        assertThat(json.get("AuthType").getAsString()).isEqualTo("AppOnly");
        assertThat(json.get("SendCertificateChain").getAsBoolean()).isFalse();
        assertThat(json.get("ManagedIdentityId").isJsonNull()).isTrue();
        assertThat(json.getAsJsonArray("Scopes")).hasSize(8);
    }

    /** Thumbprint lookup in a store folder, with a thumbprint pasted with spaces and lower case. */
    @Test
    void connectByThumbprintInStore() throws Exception {
        Path store = Files.createDirectories(home.resolve("store"));
        Files.copy(pfx, store.resolve("some-name.pfx"));
        String spaced =
                demo.thumbprintSha1Hex().toLowerCase().replaceAll("(..)", "$1 ").trim();
        int code = shell.run(connect("--thumbprint '" + spaced + "' --store " + store + " --password-env PFXPW"));
        assertThat(code).as(shell.err()).isEqualTo(ExitCode.USAGE); // the variable is not set in this shell
        assertThat(shell.err()).contains("--password-env PFXPW: no such environment variable");
        shell.clear();
        code = shell.run(
                connect("--thumbprint '" + spaced + "' --store " + store + " --password-file "
                        + home.resolve("pw.txt")),
                "get /organization");
        assertThat(code).as(shell.err()).isZero();
        assertThat(shell.err()).contains("Connected to tenant");
        assertThat(shell.out()).contains("Contoso Demo");
    }

    /** A collection prints as its items, one JSON array; more pages are a hint on stderr with the next link. */
    @Test
    void getUsersAsJson() {
        shell.run(connect("--certificate " + pfx + " --password-file " + home.resolve("pw.txt") + " --no-welcome"));
        assertThat(shell.run("get '/users?$top=7' --output json"))
                .as(shell.err())
                .isZero();
        JsonArray page = JsonParser.parseString(shell.out()).getAsJsonArray();
        assertThat(page).hasSize(7);
        assertThat(shell.err()).containsPattern("More results: add --all, or get 'https://\\S+\\$skiptoken=\\S+'");
        String firstId = page.get(0).getAsJsonObject().get("id").getAsString();
        shell.clear();
        assertThat(shell.run("get /users/" + firstId + " --output list")).isZero();
        assertThat(shell.out()).containsPattern("id\\s+: " + firstId);
        shell.clear();
        assertThat(shell.run("get /users --output table")).isZero();
        assertThat(shell.out().lines().findFirst().orElse(""))
                .startsWith("displayName")
                .contains("id");
        assertThat(shell.out().lines().count()).isEqualTo(2 + 100); // header, rule and Graph's default page of 100
        assertThat(shell.err()).contains("More results: add --all, or get 'https://127.0.0.1:");
    }

    /** A Graph error is one line with status, code, message and request-id; the shell goes on. */
    @Test
    void graphErrorsAreOneLine() {
        shell.run(connect("--certificate " + pfx + " --password-file " + home.resolve("pw.txt") + " --no-welcome"));
        assertThat(shell.run("get /users/nobody@nowhere.example")).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err().strip().lines()).hasSize(1);
        assertThat(shell.err())
                .contains("Graph error 404 Request_ResourceNotFound on GET /v1.0/users/nobody@nowhere.example")
                .contains("request-id");
        shell.clear();
        assertThat(shell.run("get https://example.com/v1.0/users")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("Refusing to send the token to https://example.com");
        shell.clear();
        assertThat(shell.run("get /organization --output json")).isZero();
    }

    /** An app with no roles gets a warning at connect and a 403 that says the token has none. */
    @Test
    void appWithoutRoles() throws Exception {
        TestCertificates.Issued issued = TestCertificates.rsa("No Roles App", 2048);
        String clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                clientId, "No Roles App", List.of(issued.certificate()), List.of(), Set.of()));
        Path file = TestCertificates.writePem(issued, home.resolve("noroles.pem"), "pkcs8", null);
        int code = shell.run(
                "connect --environment Emu --tenant-id " + demo.domain() + " --client-id " + clientId
                        + " --certificate " + file,
                "get /users");
        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err()).contains("0 roles.");
        assertThat(shell.err())
                .contains("Warning: the token carries no roles")
                .contains("Graph error 403 Authorization_RequestDenied")
                .contains("The token has no roles");
    }

    /** Without a connection, context and get fail with one line; usage errors exit 2. */
    @Test
    void notConnectedAndUsage() {
        assertThat(shell.run("context")).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err()).contains("Not connected. Connect first");
        shell.clear();
        assertThat(shell.run("conect")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("Unknown command 'conect'. Did you mean 'connect'?");
        shell.clear();
        assertThat(shell.run("connect --tenant-id x --client-id y --thumbprint 00"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("--client-id 'y' is not an application (client) id");
        shell.clear();
        assertThat(shell.run("context --bogus")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("Unknown option: '--bogus'. See 'help context'.");
        shell.clear();
        assertThat(shell.run("get /users?$filter=department eq 'Sales'")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err().strip())
                .isEqualTo(
                        "Unexpected 'eq' 'Sales' after the arguments of get: a value with spaces needs quotes, such as "
                                + "get \"/users?$filter=department eq 'Sales'\" (or give the filter with --filter). See 'help get'.");
        shell.clear();
        assertThat(shell.run("environment lst")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err().strip())
                .isEqualTo("'lst' is not a subcommand of environment (list, add, remove). Did you mean: list?"
                        + " See 'help environment'.");
        shell.clear();
        assertThat(shell.run("cert lsit")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err().strip())
                .isEqualTo(
                        "'lsit' is not a subcommand of cert (new, list, show, export, import, rotate). See 'help cert'.");
        shell.clear();
        assertThat(shell.run("environment remove A B")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err().strip())
                .isEqualTo("Unexpected 'B' after the arguments of environment remove: a value with spaces needs quotes."
                        + " See 'help environment remove'.");
        shell.clear();
        assertThat(shell.run(connect("--thumbprint 00 --certificate x.pfx"))).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("one credential form");
    }

    /** help lists commands; help COMMAND shows its options. */
    @Test
    void help() {
        assertThat(shell.run("help")).isZero();
        assertThat(shell.out()).contains("connect", "context", "disconnect", "environment", "get", "exit");
        shell.clear();
        assertThat(shell.run("help connect")).isZero();
        assertThat(shell.out()).contains("--thumbprint", "--certificate", "--tenant-id", "--client-id");
        shell.clear();
        assertThat(shell.run("help environment add")).isZero();
        assertThat(shell.out()).contains("--login-endpoint", "--ca-file");
    }

    /** TLS and connection failures are one line naming the endpoint and what to do. */
    @Test
    void networkFailuresAreExplained() throws Exception {
        assertThat(shell.run("environment add NoTrust --login-endpoint " + emulator.loginEndpoint()
                        + " --graph-endpoint " + emulator.graphEndpoint()))
                .isZero();
        shell.clear();
        assertThat(shell.run("connect --environment NoTrust --tenant-id " + demo.tenantId() + " --client-id "
                        + demo.clientId() + " --certificate " + pfx + " --password-file " + home.resolve("pw.txt")))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err().strip().lines()).hasSize(1);
        assertThat(shell.err())
                .contains("TLS failed with " + emulator.loginEndpoint())
                .contains("not signed by a CA this environment trusts")
                .contains("--ca-file");
        shell.clear();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(shell.run(
                        "environment add Closed --login-endpoint https://127.0.0.1:" + closedPort
                                + " --graph-endpoint https://127.0.0.1:" + closedPort,
                        "connect --environment Closed --tenant-id " + demo.tenantId() + " --client-id "
                                + demo.clientId() + " --certificate " + pfx + " --password-file "
                                + home.resolve("pw.txt")))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err()).contains("Cannot connect to https://127.0.0.1:" + closedPort);
    }
}

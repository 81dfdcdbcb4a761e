package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Client secrets, the AZURE_* variables and subject names, through the real jar against the emulator. */
@EmulatorTest
class CredentialFormsIT {
    private static Emulator emulator;
    private static DemoTenant demo;

    @TempDir
    static Path files;

    private static Path ca;

    @TempDir
    Path home;

    private ShellProcess shell;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        ca = emulator.writeCaCertificate(files.resolve("ca.pem"));
    }

    @BeforeEach
    void environment() throws Exception {
        shell = new ShellProcess(home);
        shell.addEnvironment(emulator, ca);
    }

    private static String connect(String credential) {
        return "connect --environment Emu --tenant-id " + demo.domain() + " --client-id " + demo.clientId() + " "
                + credential;
    }

    /** --secret-file and --secret-env connect as ClientSecret; context shows no secret. */
    @Test
    void clientSecretFromFileAndVariable() throws Exception {
        Path secretFile = Files.writeString(home.resolve("secret.txt"), demo.clientSecret() + "\n");
        ShellProcess.Result fromFile =
                shell.run(connect("--secret-file " + secretFile), "context", "get /organization --output json");
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.err()).contains("AppOnly, ClientSecret, 8 roles.");
        assertThat(fromFile.out())
                .containsPattern("TokenCredentialType\\s+: ClientSecret")
                .containsPattern("CertificateThumbprint\\s+: \\n")
                .contains("Contoso Demo")
                .doesNotContain(demo.clientSecret());
        ShellProcess.Result fromVariable =
                shell.env("DEMO_SECRET", demo.clientSecret()).run(connect("--secret-env DEMO_SECRET"), "context");
        assertThat(fromVariable.exitCode()).as(fromVariable.err()).isZero();
        assertThat(fromVariable.out()).containsPattern("TokenCredentialType\\s+: ClientSecret");
    }

    /** --secret=VALUE works, warns, and a wrong one is AADSTS7000215 with the value-versus-id hint. */
    @Test
    void inlineSecretWarnsAndWrongSecretExplains() throws Exception {
        ShellProcess.Result inline = shell.run(connect("--secret=" + demo.clientSecret()));
        assertThat(inline.exitCode()).as(inline.err()).isZero();
        assertThat(inline.err())
                .contains("Warning: a secret given on the command line")
                .doesNotContain(demo.clientSecret());
        ShellProcess.Result wrong = shell.run(connect("--secret=not-the-secret-value"));
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err())
                .contains("AADSTS7000215")
                .contains("use the secret's Value")
                .doesNotContain("not-the-secret-value");
        ShellProcess.Result noTerminal = shell.run(connect("--secret"));
        assertThat(noTerminal.exitCode()).isEqualTo(2);
        assertThat(noTerminal.errLines()).singleElement().asString().contains("no terminal to ask at");
    }

    /** --env with a secret, with a certificate file and password, and with nothing usable set. */
    @Test
    void azureVariables() throws Exception {
        ShellProcess.Result secret = new ShellProcess(home)
                .env("AZURE_TENANT_ID", demo.tenantId())
                .env("AZURE_CLIENT_ID", demo.clientId())
                .env("AZURE_CLIENT_SECRET", demo.clientSecret())
                .run("connect --env --environment Emu", "context");
        assertThat(secret.exitCode()).as(secret.err()).isZero();
        assertThat(secret.out()).containsPattern("TokenCredentialType\\s+: ClientSecret");
        Path pfx = TestCertificates.writePfx(
                new TestCertificates.Issued(
                        new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate()),
                home.resolve("app.pfx"),
                "env-pfx-pw".toCharArray());
        ShellProcess.Result certificate = new ShellProcess(home)
                .env("AZURE_TENANT_ID", demo.tenantId())
                .env("AZURE_CLIENT_ID", demo.clientId())
                .env("AZURE_CLIENT_CERTIFICATE_PATH", pfx.toString())
                .env("AZURE_CLIENT_CERTIFICATE_PASSWORD", "env-pfx-pw")
                .env("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN", "true")
                .run("connect --env --environment Emu", "context");
        assertThat(certificate.exitCode()).as(certificate.err()).isZero();
        assertThat(certificate.out())
                .containsPattern("TokenCredentialType\\s+: ClientCertificate")
                .containsPattern("SendCertificateChain\\s+: True")
                .containsPattern("CertificateThumbprint\\s+: " + demo.thumbprintSha1Hex());
        ShellProcess.Result byAuthorityHost = new ShellProcess(home)
                .env("AZURE_TENANT_ID", demo.tenantId())
                .env("AZURE_CLIENT_ID", demo.clientId())
                .env("AZURE_CLIENT_SECRET", demo.clientSecret())
                .env("AZURE_AUTHORITY_HOST", emulator.loginEndpoint() + "/")
                .run("connect --env", "context");
        assertThat(byAuthorityHost.exitCode()).as(byAuthorityHost.err()).isZero();
        assertThat(byAuthorityHost.out()).containsPattern("Environment\\s+: Emu");
        ShellProcess.Result unknownHost = new ShellProcess(home)
                .env("AZURE_TENANT_ID", demo.tenantId())
                .env("AZURE_CLIENT_ID", demo.clientId())
                .env("AZURE_CLIENT_SECRET", demo.clientSecret())
                .env("AZURE_AUTHORITY_HOST", "https://login.example.invalid")
                .run("connect --env");
        assertThat(unknownHost.exitCode()).isEqualTo(2);
        assertThat(unknownHost.errLines())
                .singleElement()
                .asString()
                .contains("AZURE_AUTHORITY_HOST https://login.example.invalid");
        ShellProcess.Result missing = new ShellProcess(home)
                .env("AZURE_TENANT_ID", demo.tenantId())
                .env("AZURE_CLIENT_ID", demo.clientId())
                .run("connect --env --environment Emu");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE");
    }

    /** --subject-name picks the newest valid certificate, skips and names expired ones. */
    @Test
    void subjectName() throws Exception {
        String clientId = UUID.randomUUID().toString();
        TestCertificates.Issued older = TestCertificates.issue(
                "Rotation App",
                "RSA",
                2048,
                Instant.now().minus(Duration.ofDays(30)),
                Instant.now().plus(Duration.ofDays(300)));
        TestCertificates.Issued newer = TestCertificates.issue(
                "Rotation App",
                "RSA",
                2048,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
        TestCertificates.Issued expired = TestCertificates.issue(
                "Rotation App",
                "RSA",
                2048,
                Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(2)));
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                clientId,
                                "Rotation App",
                                List.of(older.certificate(), newer.certificate()),
                                List.of(),
                                Set.of("User.Read.All")));
        Path store = Files.createDirectories(home.resolve("certs"));
        TestCertificates.writePfx(older, store.resolve("older.pfx"), new char[0]);
        TestCertificates.writePem(newer, store.resolve("newer.pem"), "pkcs8", null);
        TestCertificates.writePfx(expired, store.resolve("expired.pfx"), new char[0]);
        String base = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + clientId;
        ShellProcess.Result result = shell.run(base + " --subject-name 'CN=Rotation App'", "context");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("CertificateThumbprint\\s+: " + newer.thumbprint())
                .containsPattern("CertificateSubjectName\\s+: CN=Rotation App");
        Files.delete(store.resolve("older.pfx"));
        Files.delete(store.resolve("newer.pem"));
        ShellProcess.Result onlyExpired = shell.run(base + " --certificate-name 'Rotation App'");
        assertThat(onlyExpired.exitCode()).isEqualTo(1);
        assertThat(onlyExpired.errLines())
                .singleElement()
                .asString()
                .contains("No valid certificate with subject 'Rotation App'")
                .contains("skipped " + expired.thumbprint() + " (expired")
                .contains(store.toString());
    }

    /** token shows the decoded claims; token --raw prints the token and says it is a secret. */
    @Test
    void tokenCommand() throws Exception {
        Path secretFile = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        ShellProcess.Result decoded = shell.run(connect("--secret-file " + secretFile + " --no-welcome"), "token");
        assertThat(decoded.exitCode()).as(decoded.err()).isZero();
        assertThat(decoded.out())
                .contains("\"header\"")
                .contains("\"alg\": \"RS256\"")
                .contains("\"idtyp\": \"app\"")
                .contains("\"roles\"")
                .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.");
        ShellProcess.Result raw = shell.run(connect("--secret-file " + secretFile + " --no-welcome"), "token --raw");
        assertThat(raw.exitCode()).isZero();
        assertThat(raw.out().strip()).matches("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(raw.err()).contains("This is a secret");
    }
}

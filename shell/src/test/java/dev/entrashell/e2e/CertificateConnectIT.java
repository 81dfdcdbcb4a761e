package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.certificate.CertificateEncodings;
import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The real jar in a child process against the emulator: every certificate form, and the errors users meet. */
@EmulatorTest
class CertificateConnectIT {
    private static final String PFX_PASSWORD = "e2e-pfx-password";
    private static Emulator emulator;
    private static DemoTenant demo;

    @TempDir
    static Path files;

    private static Path pfx;
    private static Path pem;
    private static Path passwordFile;
    private static Path ca;

    @TempDir
    Path home;

    private ShellProcess shell;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        TestCertificates.Issued issued = new TestCertificates.Issued(
                new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate());
        pfx = TestCertificates.writePfx(issued, files.resolve("demo.pfx"), PFX_PASSWORD.toCharArray());
        pem = TestCertificates.writePem(issued, files.resolve("demo.pem"), "pkcs1", null);
        passwordFile = Files.writeString(files.resolve("pfx-password.txt"), PFX_PASSWORD + "\n");
        ca = emulator.writeCaCertificate(files.resolve("ca.pem"));
    }

    @BeforeEach
    void environment() throws Exception {
        shell = new ShellProcess(home);
        ShellProcess.Result added = shell.run(addEnvironment("Emu", emulator));
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    private static String addEnvironment(String name, Emulator target) {
        return "environment add " + name + " --login-endpoint " + target.loginEndpoint() + " --graph-endpoint "
                + target.graphEndpoint() + " --ca-file " + ca;
    }

    private static String connect(String tenant, String clientId, String credential) {
        return "connect --environment Emu --tenant-id " + tenant + " --client-id " + clientId + " " + credential;
    }

    private static String connectDemo(String credential) {
        return connect(demo.domain(), demo.clientId(), credential);
    }

    /** PFX file: welcome line, context as Get-EntraContext prints it, and Graph's organisation. */
    @Test
    void pfxFile() throws Exception {
        ShellProcess.Result result = shell.run(
                connectDemo("--certificate " + pfx + " --password-file " + passwordFile),
                "context",
                "get /organization --output list");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err())
                .contains("Connected to tenant " + demo.domain() + " (" + demo.tenantId() + ") as 'Entra Shell Demo'")
                .contains("AppOnly, ClientCertificate, 8 roles.");
        assertThat(result.out())
                .containsPattern("AuthType\\s+: AppOnly")
                .containsPattern("TokenCredentialType\\s+: ClientCertificate")
                .containsPattern("CertificateThumbprint\\s+: " + demo.thumbprintSha1Hex())
                .containsPattern("AppName\\s+: Entra Shell Demo")
                .containsPattern(
                        "Scopes\\s+: Application.Read.All, AuditLog.Read.All, Device.Read.All, Directory.Read.All, Group.Read.All, GroupMember.ReadWrite.All, Organization.Read.All, User.Read.All")
                .containsPattern("displayName\\s+: Contoso Demo")
                .containsPattern("id\\s+: " + demo.tenantId());
        assertThat(result.errLines()).singleElement().asString().startsWith("Connected to tenant");
    }

    /** PEM file with a PKCS#1 key. */
    @Test
    void pemFile() throws Exception {
        ShellProcess.Result result = shell.run(connectDemo("--certificate " + pem), "context --output json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Connected to tenant");
        assertThat(result.out())
                .contains("\"TokenCredentialType\": \"ClientCertificate\"")
                .contains("\"CertificateThumbprint\": \"" + demo.thumbprintSha1Hex() + "\"");
    }

    /**
     * A password-less .pfx made by openssl with its key unencrypted (a plain key bag, which the JDK cannot
     * read) connects; the certificate alone, DER or PEM, says it lacks its key and where to get a file
     * with it.
     */
    @Test
    void passwordlessPfxAndCertificateWithoutKey() throws Exception {
        TestCertificates.Issued issued = new TestCertificates.Issued(
                new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate());
        Path plain = TestCertificates.writePfxWithOpenssl(
                issued, home.resolve("plain.pfx"), "-keypbe", "NONE", "-certpbe", "NONE");
        ShellProcess.Result result = shell.run(connectDemo("--certificate " + plain));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Connected to tenant");

        Path cer = Files.write(home.resolve("app.cer"), CertificateEncodings.der(demo.certificate()));
        Path crt = Files.writeString(home.resolve("app.pem"), CertificateEncodings.pem(demo.certificate()));
        for (Path alone : new Path[] {cer, crt}) {
            result = shell.run(connectDemo("--certificate " + alone));
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.errLines())
                    .singleElement()
                    .asString()
                    .startsWith(alone + " is a certificate without its private key")
                    .contains("the .pfx exported with its private key")
                    .contains("cat app.crt app.key > app.pem")
                    .doesNotContain("DerValue");
        }
    }

    /** Thumbprint in the default store ($ENTRA_SHELL_HOME/certs), pasted with colons. */
    @Test
    void thumbprintInDefaultStore() throws Exception {
        Path store = Files.createDirectories(home.resolve("certs"));
        TestCertificates.writePfx(
                new TestCertificates.Issued(
                        new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate()),
                store.resolve(demo.thumbprintSha1Hex() + ".pfx"),
                new char[0]);
        String colons = demo.thumbprintSha1Hex().replaceAll("(..)(?!$)", "$1:");
        ShellProcess.Result result =
                shell.run(connectDemo("--thumbprint " + colons), "context", "get /users --output json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Connected to tenant");
        assertThat(result.out())
                .containsPattern("CertificateThumbprint\\s+: " + demo.thumbprintSha1Hex())
                .contains("\"userPrincipalName\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("environments.json"))))
                .isEqualTo("rw-------");
    }

    /** Unknown tenant: AADSTS90002 with a hint, one line, exit 1. */
    @Test
    void unknownTenant() throws Exception {
        assertOneLineFailure(
                shell.run(connect(UUID.randomUUID().toString(), demo.clientId(), "--certificate " + pem)),
                "AADSTS90002",
                "check --tenant-id");
    }

    /** Unknown app: AADSTS700016. */
    @Test
    void unknownApp() throws Exception {
        assertOneLineFailure(
                shell.run(connect(demo.tenantId(), UUID.randomUUID().toString(), "--certificate " + pem)),
                "AADSTS700016",
                "check --client-id");
    }

    /** A certificate the app does not have: AADSTS700027 naming the thumbprint. */
    @Test
    void certificateNotRegistered() throws Exception {
        TestCertificates.Issued stranger = TestCertificates.rsa("Stranger", 2048);
        Path file = TestCertificates.writePem(stranger, home.resolve("stranger.pem"), "pkcs8", null);
        ShellProcess.Result result = shell.run(connectDemo("--certificate " + file));
        assertOneLineFailure(result, "AADSTS700027", "upload its public part");
    }

    /** The emulator's clock is 20 minutes ahead: the assertion looks expired, AADSTS700024. */
    @Test
    void assertionOutOfTime() throws Exception {
        try (Emulator ahead = Emulator.start(
                EmulatorOptions.defaults().withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))))) {
            DemoTenant aheadDemo = ahead.demo();
            Path aheadCa = ahead.writeCaCertificate(home.resolve("ahead-ca.pem"));
            TestCertificates.Issued issued = new TestCertificates.Issued(
                    new KeyPair(aheadDemo.certificate().getPublicKey(), aheadDemo.privateKey()),
                    aheadDemo.certificate());
            Path file = TestCertificates.writePem(issued, home.resolve("ahead.pem"), "pkcs8", null);
            assertThat(shell.run("environment add Ahead --login-endpoint " + ahead.loginEndpoint()
                                    + " --graph-endpoint " + ahead.graphEndpoint() + " --ca-file " + aheadCa)
                            .exitCode())
                    .isZero();
            ShellProcess.Result result = shell.run("connect --environment Ahead --tenant-id " + aheadDemo.tenantId()
                    + " --client-id " + aheadDemo.clientId() + " --certificate " + file);
            assertOneLineFailure(result, "AADSTS700024", "clock");
        }
    }

    /** An environment whose Graph resource the tenant does not know: AADSTS500011. */
    @Test
    void unknownResource() throws Exception {
        assertThat(shell.run("environment add Elsewhere --login-endpoint " + emulator.loginEndpoint()
                                + " --graph-endpoint https://graph.elsewhere.example --ca-file " + ca)
                        .exitCode())
                .isZero();
        ShellProcess.Result result = shell.run("connect --environment Elsewhere --tenant-id " + demo.tenantId()
                + " --client-id " + demo.clientId() + " --certificate " + pem);
        assertOneLineFailure(result, "AADSTS500011", "Graph endpoint");
    }

    /** Local failures: wrong PFX password and a bad thumbprint, each one line with the right exit code. */
    @Test
    void localFailures() throws Exception {
        Path wrong = Files.writeString(home.resolve("wrong.txt"), "not-the-password");
        ShellProcess.Result result = shell.run(connectDemo("--certificate " + pfx + " --password-file " + wrong));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString().contains("the password is wrong");
        result = shell.run(connectDemo("--thumbprint 12345"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("has 5 hex digits where a SHA-1 thumbprint has 40");
        result = shell.run(connectDemo("--thumbprint " + "AB".repeat(20)));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("No certificate with thumbprint " + "AB".repeat(20))
                .contains(home.resolve("certs").toString())
                .contains(".dotnet");
    }

    /** An interactive session survives an AADSTS error and a usage error, then works. */
    @Test
    void interactiveSessionGoesOn() throws Exception {
        ShellProcess.Result result = shell.runInteractive(String.join(
                "\n",
                connect(demo.tenantId(), UUID.randomUUID().toString(), "--certificate " + pem),
                "frobnicate",
                "context",
                connectDemo("--certificate " + pem),
                "context",
                "exit",
                ""));
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        String screen = result.out();
        assertThat(screen)
                .contains("AADSTS700016")
                .contains("Unknown command 'frobnicate'")
                .contains("Not connected.");
        assertThat(screen.indexOf("AppName")).isGreaterThan(screen.indexOf("AADSTS700016"));
        assertThat(screen).contains("entra [Entra Shell Demo @ " + demo.domain() + " (Emu)]>");
    }

    private static void assertOneLineFailure(ShellProcess.Result result, String code, String hint) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.errLines()).as(result.err()).hasSize(1);
        assertThat(result.err()).contains(code).contains("Hint:").contains(hint);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}

package dev.entrashell.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cert commands through the built jar, as a user and a cron job run them: a certificate made by
 * {@code cert new}, uploaded to its app registration through Graph, signs in against the emulator; the
 * password, given by variable or typed at a masked prompt, appears in no output, error, debug line,
 * history or file; and BouncyCastle loads only when a certificate is made.
 */
@EmulatorTest
class CertCommandsIT {
    private static final String ENV_PASSWORD = "cert-it-env-password-3K";
    private static final String TYPED_PASSWORD = "cert-it-typed-password-9Z";
    private static final String WRONG_PASSWORD = "cert-it-wrong-password-5M";
    private static final Pattern THUMBPRINT = Pattern.compile("Thumbprint\\s+: ([0-9A-F]{40})");

    private static Emulator emulator;
    private static DemoTenant demo;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
    }

    /**
     * Non-interactive, with --debug: cert new, list, show, export; the .cer uploaded with PATCH
     * keyCredentials by an admin app; then connect --thumbprint and a Graph call as the new app. A failing
     * line with a wrong password is in the run too; nothing any run wrote holds a password.
     */
    @Test
    void aNewCertificateSignsInAndItsPasswordNeverShows() throws Exception {
        String appId = register("Jar Nightly Sync", List.of(), Set.of("Organization.Read.All"));
        String adminSecret = "admin-" + UUID.randomUUID();
        String adminId = register("Jar Cert Admin", List.of(adminSecret), Set.of("Application.ReadWrite.All"));
        Path upload = work.resolve("upload");
        ShellProcess shell = new ShellProcess(home)
                .option("--debug")
                .env("PFX_PASSWORD", ENV_PASSWORD)
                .env("WRONG_PASSWORD", WRONG_PASSWORD);
        List<String> outputs = new ArrayList<>();

        ShellProcess.Result made = shell.run(
                addEnvironment(),
                "cert new --subject 'CN=Jar Nightly Sync' --out " + upload + " --password-env PFX_PASSWORD");
        record(outputs, made);
        assertThat(made.exitCode()).as(made.err()).isZero();
        String thumbprint = thumbprint(made.out());
        Path pfx = home.resolve("certs").resolve(thumbprint + ".pfx");
        assertThat(made.out()).contains("PrivateKey : " + pfx + " (password-protected)");
        assertThat(made.err())
                .contains("connect --tenant-id TENANT --client-id APP_ID --thumbprint " + thumbprint
                        + " --password-env PFX_PASSWORD");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pfx)))
                .isEqualTo("rw-------");
        X509Certificate uploaded = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(upload.resolve("Jar-Nightly-Sync.cer")));
        assertThat(uploaded.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(uploaded.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(uploaded.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(Files.readString(upload.resolve("Jar-Nightly-Sync.pem")))
                .startsWith("-----BEGIN CERTIFICATE-----\n");

        ShellProcess.Result inspected = shell.run(
                "cert list --output json",
                "cert show " + thumbprint + " --output json",
                "cert export " + thumbprint + " --format pem",
                "cert export " + thumbprint + " --out " + work.resolve("exported.cer"));
        record(outputs, inspected);
        assertThat(inspected.exitCode()).as(inspected.err()).isZero();
        // one line of JSON per command when not on a terminal, then the PEM
        String[] documents = inspected.out().split("\n", 3);
        JsonArray listed = JsonParser.parseString(documents[0]).getAsJsonArray();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).getAsJsonObject().get("Status").getAsString()).isEqualTo("OK");
        JsonObject shown = JsonParser.parseString(documents[1]).getAsJsonObject();
        assertThat(shown.get("Thumbprint").getAsString()).isEqualTo(thumbprint);
        assertThat(shown.get("HasPrivateKey").getAsBoolean()).isTrue();
        assertThat(shown.get("ExtendedKeyUsageCheck").getAsString()).isEqualTo("OK: clientAuth (1.3.6.1.5.5.7.3.2)");
        assertThat(documents[2]).isEqualTo(Files.readString(upload.resolve("Jar-Nightly-Sync.pem")));
        assertThat(Files.readAllBytes(work.resolve("exported.cer")))
                .isEqualTo(Files.readAllBytes(upload.resolve("Jar-Nightly-Sync.cer")));

        Path exported = TestCertificates.writePfx(
                TestCertificates.rsa("Exported Elsewhere", 2048),
                work.resolve("elsewhere.pfx"),
                ENV_PASSWORD.toCharArray());
        ShellProcess.Result wrong = shell.run("cert import " + exported + " --password-env WRONG_PASSWORD");
        record(outputs, wrong);
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("Cannot open " + exported + ": the password is wrong");
        ShellProcess.Result imported = shell.run("cert import " + exported + " --password-env PFX_PASSWORD");
        record(outputs, imported);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).containsPattern("Subject\\s+: CN=Exported Elsewhere");
        assertThat(imported.err()).contains("--password-env PFX_PASSWORD");

        Path body = Files.writeString(
                work.resolve("key.json"),
                "{\"keyCredentials\":[{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\""
                        + Base64.getEncoder().encodeToString(Files.readAllBytes(upload.resolve("Jar-Nightly-Sync.cer")))
                        + "\"}]}");
        Path secretFile = Files.writeString(work.resolve("admin-secret.txt"), adminSecret);
        ShellProcess.Result signedIn = shell.run(
                connect(adminId, "--secret-file " + secretFile + " --no-welcome"),
                "patch \"/applications(appId='" + appId + "')\" --body @" + body,
                connect(appId, "--thumbprint " + thumbprint + " --password-env PFX_PASSWORD"),
                "get /organization --output json");
        record(outputs, signedIn);
        assertThat(signedIn.exitCode()).as(signedIn.err()).isZero();
        assertThat(signedIn.err()).contains("as 'Jar Nightly Sync' (" + appId + ")");
        assertThat(signedIn.out()).contains("\"id\":\"" + demo.tenantId() + "\"");

        assertNoPassword(outputs, ENV_PASSWORD, WRONG_PASSWORD);
    }

    /**
     * On a terminal the password is asked twice for cert new and once for connect, masked each time; the
     * screen and the history file never show it.
     */
    @Test
    void typedPasswordsAreMaskedAndKeptOutOfHistory() throws Exception {
        ShellProcess shell = new ShellProcess(home).option("--debug");
        Path upload = work.resolve("upload");
        ShellProcess.Result made = shell.runTyped(List.of(
                new ShellProcess.Step("entra>", "cert new --subject 'CN=Typed Sync' --out " + upload),
                new ShellProcess.Step("Password for the new .pfx: ", TYPED_PASSWORD),
                new ShellProcess.Step("The same password again: ", TYPED_PASSWORD),
                new ShellProcess.Step("Then connect with", null),
                new ShellProcess.Step("entra>", "exit")));
        assertThat(made.exitCode()).as(made.out()).isZero();
        assertThat(made.out())
                .contains("Password for the new .pfx: " + "*".repeat(TYPED_PASSWORD.length()))
                .contains("(it asks for the .pfx password; scripts give it with --password-file or --password-env)");
        String thumbprint = thumbprint(made.out());
        AppRegistration app = emulator.directory()
                .application(demo.tenantId(), demo.clientId())
                .orElseThrow();
        List<X509Certificate> certificates = new ArrayList<>(app.certificates());
        certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(upload.resolve("Typed-Sync.cer"))));
        emulator.directory().registerApplication(demo.tenantId(), app.withCertificates(certificates));

        Path ca = emulator.writeCaCertificate(work.resolve("ca.pem"));
        assertThat(shell.run(addEnvironment(ca)).exitCode()).isZero();
        ShellProcess.Result connected = shell.runTyped(List.of(
                new ShellProcess.Step("entra>", connect(demo.clientId(), "--thumbprint " + thumbprint)),
                new ShellProcess.Step("Password for " + thumbprint + ".pfx: ", TYPED_PASSWORD),
                new ShellProcess.Step("entra [Entra Shell Demo", "exit")));
        assertThat(connected.exitCode()).as(connected.out()).isZero();
        assertThat(connected.out()).contains("AppOnly, ClientCertificate");

        String history = Files.readString(home.resolve("history"));
        assertThat(history).contains("cert new --subject 'CN=Typed Sync'").contains("--thumbprint " + thumbprint);
        assertNoPassword(List.of(made.out(), connected.out()), TYPED_PASSWORD);
    }

    /** BouncyCastle stays unloaded for help and for listing and showing certificates; cert new loads it. */
    @Test
    void bouncyCastleLoadsOnlyWhenACertificateIsMade() throws Exception {
        ShellProcess shell = new ShellProcess(home)
                .env("JAVA_TOOL_OPTIONS", "-verbose:class")
                .env("PFX_PASSWORD", ENV_PASSWORD);
        ShellProcess.Result quiet = shell.run("help", "help cert new", "cert list", "cert show " + "AB".repeat(20));
        assertThat(quiet.out()).contains("[class,load] dev.entrashell.command.CertListCommand");
        assertThat(quiet.out()).doesNotContain("org.bouncycastle");
        ShellProcess.Result made =
                shell.run("cert new --subject CN=Loaded --out " + work + " --password-env PFX_PASSWORD");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("[class,load] org.bouncycastle.cert.X509v3CertificateBuilder");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String register(String name, List<String> secrets, Set<String> roles) {
        String clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(demo.tenantId(), AppRegistration.of(clientId, name, List.of(), secrets, roles));
        return clientId;
    }

    private String addEnvironment() throws Exception {
        return addEnvironment(emulator.writeCaCertificate(work.resolve("ca.pem")));
    }

    private static String addEnvironment(Path ca) {
        return "environment add Emu --login-endpoint " + emulator.loginEndpoint() + " --graph-endpoint "
                + emulator.graphEndpoint() + " --ca-file " + ca;
    }

    private static String connect(String clientId, String credential) {
        return "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + clientId + " "
                + credential;
    }

    private static String thumbprint(String output) {
        Matcher matcher = THUMBPRINT.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }

    private static void record(List<String> outputs, ShellProcess.Result result) {
        outputs.add(result.out());
        outputs.add(result.err());
    }

    /** The outputs, the history and every file under $ENTRA_SHELL_HOME hold none of the passwords. */
    private void assertNoPassword(List<String> outputs, String... passwords) throws Exception {
        List<String> texts = new ArrayList<>(outputs);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(texts.stream().anyMatch(text -> text.contains("[debug]") || text.contains("\tat ")))
                .as("--debug was on, so the scan covers debug output")
                .isTrue();
        for (String text : texts) {
            for (String password : passwords) {
                assertThat(text).doesNotContain(password);
            }
        }
    }
}

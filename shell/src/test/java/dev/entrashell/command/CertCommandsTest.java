package dev.entrashell.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.TestShell;
import dev.entrashell.certificate.CertificateEncodings;
import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.errors.ExitCode;
import dev.entrashell.session.Prompter;

import static org.assertj.core.api.Assertions.assertThat;

/** The cert commands over the non-interactive executor; sign-ins go through real MSAL to the emulator. */
@EmulatorTest
class CertCommandsTest {
    private static final String PASSWORD = "cert-test-pfx-password";
    private static final Pattern THUMBPRINT = Pattern.compile("Thumbprint\\s+: ([0-9A-F]{40})");

    private static Emulator emulator;
    private static DemoTenant demo;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulator() throws Exception {
        demo = emulator.demo();
    }

    /**
     * The whole user flow: cert new, its .cer uploaded to the app registration with Graph's PATCH
     * keyCredentials (by an admin app), then connect --thumbprint signs in and Graph answers. Before the
     * upload the same connect is refused by the tenant, so the upload is what made it work.
     */
    @Test
    void aNewCertificateSignsInOnceItsCerIsUploaded() throws Exception {
        String appId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                appId, "Nightly Sync", List.of(), List.of(), Set.of("Organization.Read.All")));
        String adminId = UUID.randomUUID().toString();
        Path adminSecret = Files.writeString(work.resolve("admin-secret.txt"), "admin-" + UUID.randomUUID());
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                adminId,
                                "Cert Admin",
                                List.of(),
                                List.of(Files.readString(adminSecret)),
                                Set.of("Application.ReadWrite.All")));
        TestShell shell = TestShell.against(emulator, home);
        Path passwordFile = passwordFile();
        Path upload = work.resolve("upload");

        assertThat(shell.run(
                        "cert new --subject 'CN=Nightly Sync' --password-file " + passwordFile + " --out " + upload))
                .as(shell.err())
                .isZero();
        String thumbprint = thumbprint(shell.out());
        assertThat(shell.err()).contains("Made CN=Nightly Sync: RSA 2048, SHA256withRSA, clientAuth, valid until");
        assertThat(shell.out())
                .contains(home.resolve("certs").resolve(thumbprint + ".pfx") + " (password-protected)")
                .contains(upload.resolve("Nightly-Sync.cer").toString());
        assertThat(shell.err())
                .contains("connect --tenant-id TENANT --client-id APP_ID --thumbprint " + thumbprint
                        + " --password-file " + passwordFile);
        String connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + appId
                + " --thumbprint " + thumbprint + " --password-file " + passwordFile;
        shell.clear();
        assertThat(shell.run(connect)).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err()).contains("AADSTS700027");

        String key = Base64.getEncoder().encodeToString(Files.readAllBytes(upload.resolve("Nightly-Sync.cer")));
        Path body = Files.writeString(
                work.resolve("key.json"),
                "{\"keyCredentials\":[{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\"" + key
                        + "\"}]}");
        shell.clear();
        assertThat(shell.run(
                        "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + adminId
                                + " --secret-file " + adminSecret + " --no-welcome",
                        "patch \"/applications(appId='" + appId + "')\" --body @" + body))
                .as(shell.err())
                .isZero();

        shell.clear();
        assertThat(shell.run(connect, "context --output json", "get /organization --output json"))
                .as(shell.err())
                .isZero();
        assertThat(shell.err()).contains("as 'Nightly Sync' (" + appId + ")");
        assertThat(shell.out())
                .contains("\"CertificateThumbprint\": \"" + thumbprint + "\"")
                .contains("\"id\":\"" + demo.tenantId() + "\"");
    }

    /**
     * Without password options the password is asked twice, masked; connect --thumbprint then asks for it
     * too, since the file is named after the thumbprint it was given, and so does --subject-name, since the
     * file's certificate names its subject.
     */
    @Test
    void asksForThePasswordTwiceAndConnectAsksForItAgain() throws Exception {
        Answers answers = new Answers(PASSWORD, PASSWORD, PASSWORD, PASSWORD);
        TestShell shell = TestShell.against(emulator, home, answers);
        Path upload = work.resolve("upload");
        assertThat(shell.run("cert new --subject 'Prompted App' --out " + upload))
                .as(shell.err())
                .isZero();
        assertThat(answers.asked).containsExactly("Password for the new .pfx: ", "The same password again: ");
        assertThat(shell.err()).contains("(it asks for the .pfx password; scripts give it with --password-file");
        String thumbprint = thumbprint(shell.out());
        registerDemoAppCertificate(upload.resolve("Prompted-App.cer"));

        shell.clear();
        assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                        + demo.clientId() + " --thumbprint " + thumbprint))
                .as(shell.err())
                .isZero();
        assertThat(answers.asked).hasSize(3).last().isEqualTo("Password for " + thumbprint + ".pfx: ");

        // By subject name too: the file's certificate is readable, so it is known to be the one wanted.
        shell.clear();
        assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                        + demo.clientId() + " --subject-name 'CN=Prompted App'"))
                .as(shell.err())
                .isZero();
        assertThat(answers.asked).hasSize(4).last().isEqualTo("Password for " + thumbprint + ".pfx: ");
        assertThat(shell.out() + shell.err()).doesNotContain(PASSWORD);
    }

    /** Two different answers, or nobody to ask: nothing is written, and the line says what to do. */
    @Test
    void refusesMismatchedOrMissingPasswordsAndWritesNothing() throws Exception {
        Path upload = work.resolve("upload");
        TestShell mismatched = new TestShell(home, Map.of(), false, new Answers("one-password", "another-one"));
        assertThat(mismatched.run("cert new --subject CN=Typo --out " + upload)).isEqualTo(ExitCode.USAGE);
        assertThat(mismatched.err()).isEqualTo("The two passwords differ; nothing was made. Run cert new again.\n");

        TestShell nobody = new TestShell(home, Map.of(), false);
        assertThat(nobody.run("cert new --subject CN=Cron --out " + upload)).isEqualTo(ExitCode.USAGE);
        assertThat(nobody.err())
                .isEqualTo("cert new needs a password for the .pfx and there is no terminal to ask at: give it with "
                        + "--password-file FILE or --password-env VARIABLE.\n");

        TestShell empty = new TestShell(home, Map.of("EMPTY", ""), false);
        assertThat(empty.run("cert new --subject CN=Cron --out " + upload + " --password-env EMPTY"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(empty.err()).contains("The password is empty");
        assertThat(upload).doesNotExist();
        assertThat(home.resolve("certs")).doesNotExist();
    }

    /** The .cer and .pem are never replaced: the second run says so and how to avoid it, before any key is made. */
    @Test
    void neverReplacesTheUploadFiles() throws Exception {
        TestShell shell = new TestShell(home, Map.of(), false);
        String line = "cert new --subject 'CN=Twice' --out " + work + " --password-file " + passwordFile();
        assertThat(shell.run(line)).as(shell.err()).isZero();
        shell.clear();
        assertThat(shell.run(line)).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err())
                .isEqualTo(work.resolve("Twice.cer") + " already exists, and cert new does not replace files: give "
                        + "another folder with --out DIR, or move the old file away.\n");
        try (Stream<Path> stored = Files.list(home.resolve("certs"))) {
            assertThat(stored).hasSize(1);
        }
    }

    /** Bad option values are usage errors that name the value and the fix. */
    @Test
    void badOptionsAreUsageErrors() throws Exception {
        TestShell shell = new TestShell(home, Map.of(), false);
        String base = "cert new --out " + work + " --password-file " + passwordFile() + " ";
        Map<String, String> cases = Map.of(
                "--subject 'CN=A' --key-size 1024",
                "--key-size 1024 is not offered: give 2048 (the default), 3072 or 4096",
                "--subject 'CN=A' --months 0",
                "--months 0 is out of range: give 1 to 120",
                "--subject 'CN=A,,=' ",
                "--subject 'CN=A,,=' is not a distinguished name",
                "--subject 'CN=A' --store " + passwordFile(),
                "is a file; certificates are added to a folder store");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            shell.clear();
            assertThat(shell.run(base + bad.getKey())).as(bad.getKey()).isEqualTo(ExitCode.USAGE);
            assertThat(shell.err()).as(bad.getKey()).contains(bad.getValue());
        }
        shell.clear();
        assertThat(shell.run("cert new --out " + work)).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("Missing required option: '--subject=NAME'");
    }

    /** Each certificate Entra ID would refuse is listed FAIL with the requirement that fails, and shown with why. */
    @Test
    void listAndShowNameTheRequirementThatFails() throws Exception {
        Path store = Files.createDirectories(work.resolve("store"));
        Instant now = Instant.now();
        List<Failing> failing = List.of(
                new Failing(
                        "Key",
                        "FAIL: EC key; Entra ID client certificates need an RSA key of 2048 bits or more",
                        TestCertificates.issue(
                                "Elliptic", "EC", 256, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)))),
                new Failing("Key", "FAIL: RSA key of 1024 bits;", TestCertificates.rsa("Small", 1024)),
                new Failing(
                        "Validity",
                        "FAIL: expired on ",
                        TestCertificates.issue(
                                "Old", "RSA", 2048, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(1)))),
                new Failing(
                        "Validity",
                        "FAIL: not valid before ",
                        TestCertificates.issue(
                                "Early", "RSA", 2048, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)))),
                new Failing(
                        "Signature",
                        "FAIL: signed with SHA1withRSA; Entra ID asks for SHA-256 or stronger",
                        TestCertificates.rsa("Sha One", "SHA1withRSA", null)),
                new Failing(
                        "ExtendedKeyUsage",
                        "FAIL: serverAuth (1.3.6.1.5.5.7.3.1) without clientAuth",
                        TestCertificates.rsa("Server Only", "SHA256withRSA", KeyPurposeId.id_kp_serverAuth)));
        for (Failing fails : failing) {
            TestCertificates.writePfx(
                    fails.issued(), store.resolve(fails.issued().thumbprint() + ".pfx"), new char[0]);
        }
        TestCertificates.Issued good = TestCertificates.rsa("Good", "SHA256withRSA", KeyPurposeId.id_kp_clientAuth);
        TestCertificates.writePem(good, store.resolve("good.pem"), "pkcs8", null);
        TestCertificates.Issued keyless = TestCertificates.rsa("Public Only", 2048);
        Files.write(store.resolve("public.cer"), keyless.certificate().getEncoded());

        TestShell shell = new TestShell(home, Map.of(), false);
        assertThat(shell.run("cert list --store " + store + " --output json"))
                .as(shell.err())
                .isZero();
        JsonArray rows = JsonParser.parseString(shell.out()).getAsJsonArray();
        assertThat(rows).hasSize(8);
        assertThat(row(rows, good).get("Status").getAsString()).isEqualTo("OK");
        assertThat(row(rows, good).getAsJsonArray("Problems")).isEmpty();
        assertThat(row(rows, keyless).get("HasPrivateKey").getAsBoolean()).isFalse();
        assertThat(problems(row(rows, keyless))).containsExactly("PrivateKey: not here");
        for (Failing fails : failing) {
            JsonObject row = row(rows, fails.issued());
            assertThat(row.get("Status").getAsString()).as(fails.text()).isEqualTo("FAIL");
            assertThat(problems(row))
                    .as(fails.text())
                    .singleElement()
                    .asString()
                    .startsWith(fails.requirement() + ": ");
            assertThat(onlyFailedCheck(shell, store.resolve(fails.issued().thumbprint() + ".pfx")))
                    .isEqualTo(fails.requirement() + "Check")
                    .satisfies(check -> assertThat(shell.out()).contains("\"" + check + "\":\"" + fails.text()));
        }
        assertThat(onlyFailedCheck(shell, store.resolve("public.cer"))).isEqualTo("PrivateKeyCheck");
        assertThat(shell.out())
                .contains(
                        "\"PrivateKeyCheck\":\"FAIL: not here; connect signs with the private key: use the .pfx, or a "
                                + ".pem with the key appended");
    }

    /** Runs cert show on the file and returns the one requirement that failed (exit 1, the failure named). */
    private static String onlyFailedCheck(TestShell shell, Path file) {
        shell.clear();
        assertThat(shell.run("cert show " + file + " --output json"))
                .as(shell.err())
                .isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err()).contains(" fails ");
        JsonObject details = JsonParser.parseString(shell.out()).getAsJsonObject();
        assertThat(details.get("Status").getAsString()).isEqualTo("FAIL");
        List<String> failed = details.keySet().stream()
                .filter(name -> name.endsWith("Check")
                        && details.get(name).getAsString().startsWith("FAIL"))
                .toList();
        assertThat(failed).as(file.toString()).hasSize(1);
        return failed.get(0);
    }

    /** cert show by thumbprint (found in the default store) lists every fact; the table shows the store. */
    @Test
    void showsEveryFactOfAStoredCertificate() throws Exception {
        TestShell shell = new TestShell(home, Map.of(), false);
        assertThat(shell.run("cert new --subject 'CN=Facts, O=Contoso' --months 3 --key-size 3072 --out " + work
                        + " --password-file " + passwordFile()))
                .as(shell.err())
                .isZero();
        String thumbprint = thumbprint(shell.out());
        shell.clear();
        assertThat(shell.run("cert show " + thumbprint.toLowerCase() + " --output list", "cert list --output table"))
                .as(shell.err())
                .isZero();
        assertThat(shell.out())
                .containsPattern("Subject\\s+: CN=Facts,O=Contoso")
                .containsPattern("Issuer\\s+: CN=Facts,O=Contoso")
                .containsPattern("Thumbprint\\s+: " + thumbprint)
                .containsPattern("ThumbprintSHA256\\s+: [0-9A-F]{64}")
                .containsPattern("SerialNumber\\s+: [0-9A-F]+")
                .containsPattern("KeyAlgorithm\\s+: RSA")
                .containsPattern("KeySize\\s+: 3072")
                .containsPattern("SignatureAlgorithm\\s+: SHA256withRSA")
                .containsPattern("KeyUsage\\s+: digitalSignature")
                .containsPattern("ExtendedKeyUsage\\s+: clientAuth \\(1.3.6.1.5.5.7.3.2\\)")
                .containsPattern("HasPrivateKey\\s+: true")
                .containsPattern("Status\\s+: OK")
                .containsPattern("ValidityCheck\\s+: OK: valid until .* \\((8[89]|9[0-2]) days\\)")
                .containsPattern("PrivateKeyCheck\\s+: OK: present")
                .containsPattern(thumbprint + "  OK      CN=Facts,O=Contoso");
        shell.clear();
        assertThat(shell.run("cert show " + "AB".repeat(20))).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err())
                .contains("No certificate with thumbprint " + "AB".repeat(20) + " was found. Searched: "
                        + home.resolve("certs") + " (1 file)");
        shell.clear();
        assertThat(shell.run("cert show not-a-thumbprint")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("Thumbprint 'not-a-thumbprint' is not valid");
    }

    /**
     * A .pfx whose certificate is encrypted (as the JDK and Windows write them) is named, not hidden, by
     * cert list; with its password it is listed, and cert show asks for it.
     */
    @Test
    void passwordProtectedFilesAreNamedAndOpenWithTheirPassword() throws Exception {
        Path store = Files.createDirectories(work.resolve("store"));
        TestCertificates.Issued locked = TestCertificates.rsa("Locked", 2048);
        Path file = TestCertificates.writePfx(locked, store.resolve("locked.pfx"), PASSWORD.toCharArray());
        TestShell shell = new TestShell(home, Map.of(), false);
        assertThat(shell.run("cert list --store " + store + " --output csv"))
                .as(shell.err())
                .isZero();
        assertThat(shell.out()).isEmpty();
        assertThat(shell.err())
                .contains("No certificates. Searched: " + store + " (1 file).")
                .contains("1 file(s) need a password to be read (locked.pfx): give it with --password-file FILE or "
                        + "--password-env VARIABLE.");
        shell.clear();
        assertThat(shell.run("cert list --store " + store + " --output csv --password-file " + passwordFile()))
                .isZero();
        assertThat(shell.out())
                .startsWith("Thumbprint,Status,Subject,NotAfter,Key,HasPrivateKey,Problems,Location\r\n")
                .contains(locked.thumbprint() + ",OK,CN=Locked,");
        shell.clear();
        assertThat(shell.run("cert show " + file)).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err()).contains("is password-protected: give its password with --password-file FILE");
        TestShell asking = new TestShell(home, Map.of(), false, new Answers(PASSWORD));
        assertThat(asking.run("cert show " + file + " --output list"))
                .as(asking.err())
                .isZero();
        assertThat(asking.out()).containsPattern("Thumbprint\\s+: " + locked.thumbprint());
    }

    /** cert export writes the public certificate only: PEM to the screen, DER to a file, never over a file. */
    @Test
    void exportsThePublicPartOnly() throws Exception {
        TestShell shell = new TestShell(home, Map.of(), false);
        assertThat(shell.run("cert new --subject 'CN=Exported' --out " + work + " --password-file " + passwordFile()))
                .isZero();
        String thumbprint = thumbprint(shell.out());
        byte[] cer = Files.readAllBytes(work.resolve("Exported.cer"));
        shell.clear();
        assertThat(shell.run("cert export " + thumbprint + " --format pem"))
                .as(shell.err())
                .isZero();
        assertThat(shell.out()).isEqualTo(Files.readString(work.resolve("Exported.pem")));
        assertThat(shell.out()).doesNotContain("PRIVATE KEY");

        Path out = work.resolve("again.cer");
        shell.clear();
        assertThat(shell.run("cert export " + thumbprint + " --out " + out))
                .as(shell.err())
                .isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(cer);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .as("a public certificate, written to be uploaded, is readable by all")
                .isEqualTo("rw-r--r--");
        assertThat(shell.err())
                .isEqualTo("Wrote certificate " + thumbprint + " (public part only, DER) to " + out + ".\n");
        shell.clear();
        assertThat(shell.run("cert export " + thumbprint + " --out " + out + " --format pem"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).isEqualTo("--out " + out + " exists; add --force to replace it.\n");
        shell.clear();
        assertThat(shell.run("cert export " + thumbprint + " --out " + out + " --format pem --force"))
                .isZero();
        assertThat(Files.readString(out, StandardCharsets.US_ASCII))
                .isEqualTo(Files.readString(work.resolve("Exported.pem")));
        shell.clear();
        assertThat(shell.run("cert export " + thumbprint + " --format cer")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("--format cer is binary DER: give --out FILE");
    }

    /**
     * cert import stores a .pfx as THUMBPRINT.pfx that connect --thumbprint then signs in with; it refuses a
     * duplicate, a file without its key, and a certificate Entra ID would refuse.
     */
    @Test
    void importsWhatConnectCanUseAndRefusesTheRest() throws Exception {
        TestCertificates.Issued issued = new TestCertificates.Issued(
                new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate());
        Path pfx = TestCertificates.writePfx(issued, work.resolve("demo app.pfx"), PASSWORD.toCharArray());
        TestShell shell = TestShell.against(emulator, home);
        assertThat(shell.run("cert import '" + pfx + "' --password-file " + passwordFile()))
                .as(shell.err())
                .isZero();
        Path stored = home.resolve("certs").resolve(demo.thumbprintSha1Hex() + ".pfx");
        assertThat(shell.out())
                .containsPattern("Thumbprint\\s+: " + demo.thumbprintSha1Hex())
                .containsPattern("Subject\\s+: CN=Entra Shell Demo")
                .containsPattern("File\\s+: " + java.util.regex.Pattern.quote(stored.toString()));
        assertThat(shell.err())
                .contains("connect --tenant-id TENANT --client-id APP_ID --thumbprint " + demo.thumbprintSha1Hex()
                        + " --password-file " + passwordFile());
        assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(pfx));
        shell.clear();
        assertThat(shell.run(
                        "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                                + " --thumbprint " + demo.thumbprintSha1Hex() + " --password-file " + passwordFile()))
                .as(shell.err())
                .isZero();

        shell.clear();
        assertThat(shell.run("cert import '" + pfx + "' --password-file " + passwordFile()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err())
                .isEqualTo("Certificate " + demo.thumbprintSha1Hex()
                        + " (CN=Entra Shell Demo) is already in the store as " + stored + "; nothing was imported.\n");

        Path cer = Files.write(work.resolve("public.cer"), CertificateEncodings.der(demo.certificate()));
        shell.clear();
        assertThat(shell.run("cert import " + cer)).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err())
                .contains(cer + " is a certificate without its private key")
                .contains("the .pfx exported with its private key");

        Path ec = TestCertificates.writePem(
                TestCertificates.issue(
                        "Elliptic",
                        "EC",
                        256,
                        Instant.now().minus(Duration.ofDays(1)),
                        Instant.now().plus(Duration.ofDays(9))),
                work.resolve("ec.pem"),
                "pkcs8",
                null);
        shell.clear();
        assertThat(shell.run("cert import " + ec)).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err()).contains("cannot sign in: EC key; Entra ID client certificates need an RSA key");
        try (Stream<Path> files = Files.list(home.resolve("certs"))) {
            assertThat(files).containsExactly(stored);
        }
    }

    /** help lists cert and its subcommands, each with a one-line description. */
    @Test
    void helpDescribesEveryCertCommand() {
        TestShell shell = new TestShell(home, Map.of(), false);
        assertThat(shell.run("help", "help cert", "help cert new", "help cert export"))
                .isZero();
        assertThat(shell.out())
                .contains("  cert ")
                .contains("Make, list, check, export, import and rotate the client certificates apps sign in with.")
                .containsPattern("new\\s+Make a self-signed certificate that Entra ID accepts")
                .containsPattern("list\\s+List the certificates in the stores")
                .containsPattern("show\\s+Show one certificate's details")
                .containsPattern("export\\s+Write a stored certificate's public part")
                .containsPattern("import\\s+Copy a certificate with its private key")
                .containsPattern("rotate\\s+Roll the connected app's own certificate through Graph")
                .contains("--subject=NAME")
                .contains("--format=FORMAT");
        shell.clear();
        assertThat(shell.run("cert")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("'cert' needs a subcommand: new, list, show, export, import, rotate.");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Path passwordFile() throws Exception {
        Path file = work.resolve("password.txt");
        return Files.exists(file) ? file : Files.writeString(file, PASSWORD + "\n");
    }

    private static String thumbprint(String output) {
        Matcher matcher = THUMBPRINT.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }

    /** Adds a certificate to the demo app, as an admin would upload it. */
    private static void registerDemoAppCertificate(Path cer) throws Exception {
        AppRegistration app = emulator.directory()
                .application(demo.tenantId(), demo.clientId())
                .orElseThrow();
        List<java.security.cert.X509Certificate> certificates = new ArrayList<>(app.certificates());
        certificates.add((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(cer)));
        emulator.directory().registerApplication(demo.tenantId(), app.withCertificates(certificates));
    }

    private static JsonObject row(JsonArray rows, TestCertificates.Issued issued) {
        for (JsonElement row : rows) {
            if (row.getAsJsonObject()
                    .get("Thumbprint")
                    .getAsString()
                    .equals(issued.thumbprint().hex())) {
                return row.getAsJsonObject();
            }
        }
        throw new AssertionError("no row for " + issued.thumbprint() + " in " + rows);
    }

    private static List<String> problems(JsonObject row) {
        return row.getAsJsonArray("Problems").asList().stream()
                .map(JsonElement::getAsString)
                .toList();
    }

    /** A certificate that fails one requirement, and how cert show words the failure. */
    private record Failing(String requirement, String text, TestCertificates.Issued issued) {}

    /** A person at the terminal giving these answers in turn; it remembers what it was asked. */
    private static final class Answers implements Prompter {
        private final Deque<String> answers;
        final List<String> asked = new ArrayList<>();

        Answers(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Optional<char[]> readSecret(String prompt) {
            asked.add(prompt);
            return Optional.ofNullable(answers.poll()).map(String::toCharArray);
        }
    }
}

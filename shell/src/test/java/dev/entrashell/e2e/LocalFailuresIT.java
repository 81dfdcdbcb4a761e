package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.repl.TypedSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every local failure of connect, caught before any network call: one line naming the problem, exit
 * code 1 (a failed command) or 2 (a usage error: a missing or malformed value, a file that is not
 * there), and an interactive
 * session that goes on after all of them.
 */
@EmulatorTest
class LocalFailuresIT {
    private static Emulator emulator;
    private static DemoTenant demo;

    @TempDir
    static Path files;

    @TempDir
    static Path home;

    private record Failure(String line, int exitCode, String message) {}

    private static final Map<String, Failure> FAILURES = new LinkedHashMap<>();

    @BeforeAll
    static void prepare() throws Exception {
        demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(files.resolve("ca.pem"));
        ShellProcess shell = new ShellProcess(home);
        assertThat(shell.run("environment add Emu --login-endpoint " + emulator.loginEndpoint() + " --graph-endpoint "
                                + emulator.graphEndpoint() + " --ca-file " + ca)
                        .exitCode())
                .isZero();
        TestCertificates.Issued app = new TestCertificates.Issued(
                new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate());
        Path pfx = TestCertificates.writePfx(app, files.resolve("app.pfx"), "right".toCharArray());
        Path encryptedPem = TestCertificates.writePem(app, files.resolve("enc.pem"), "pkcs8", "right".toCharArray());
        Path wrong = Files.writeString(files.resolve("wrong.txt"), "incorrect-pw-123");
        Path notCertificate =
                Files.writeString(files.resolve("notes.pfx"), "these are not the keys you are looking for");
        TestCertificates.Issued other = TestCertificates.rsa("Other", 2048);
        Path mismatched = Files.writeString(
                files.resolve("mismatch.pem"),
                Files.readString(TestCertificates.writePem(app, files.resolve("a.pem"), "pkcs8", null))
                                .split("-----BEGIN PRIVATE")[0]
                        + "-----BEGIN PRIVATE"
                        + Files.readString(TestCertificates.writePem(other, files.resolve("b.pem"), "pkcs8", null))
                                .split("-----BEGIN PRIVATE")[1]);
        Instant now = Instant.now();
        Path ec = TestCertificates.writePfx(
                TestCertificates.issue("EC", "EC", 256, now.minusSeconds(60), now.plusSeconds(86400)),
                files.resolve("ec.pfx"),
                "x".toCharArray());
        Path dsa = TestCertificates.writePfx(
                TestCertificates.issue("DSA", "DSA", 2048, now.minusSeconds(60), now.plusSeconds(86400)),
                files.resolve("dsa.pfx"),
                "x".toCharArray());
        Path small = TestCertificates.writePem(
                TestCertificates.rsa("Small", 1024), files.resolve("small.pem"), "pkcs1", null);
        Path expired = TestCertificates.writePem(
                TestCertificates.issue(
                        "Old", "RSA", 2048, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(3))),
                files.resolve("old.pem"),
                "pkcs8",
                null);
        Path future = TestCertificates.writePem(
                TestCertificates.issue(
                        "Future", "RSA", 2048, now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(400))),
                files.resolve("future.pem"),
                "pkcs8",
                null);
        Path x = files.resolve("x.pfx");
        Path password = Files.writeString(files.resolve("password.txt"), "x");

        String ids = " --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId() + " --environment Emu";
        FAILURES.put(
                "missing file",
                new Failure(
                        "connect" + ids + " --certificate " + files.resolve("missing.pfx"),
                        2,
                        "missing.pfx does not exist: check the name"));
        FAILURES.put(
                "not a certificate",
                new Failure(
                        "connect" + ids + " --certificate " + notCertificate,
                        1,
                        "notes.pfx is not a certificate file"));
        FAILURES.put(
                "wrong PFX password",
                new Failure(
                        "connect" + ids + " --certificate " + pfx + " --password-file " + wrong,
                        1,
                        "the password is wrong"));
        FAILURES.put(
                "wrong PEM password",
                new Failure(
                        "connect" + ids + " --certificate " + encryptedPem + " --password-file " + wrong,
                        1,
                        "Cannot decrypt the private key"));
        FAILURES.put(
                "key of another certificate",
                new Failure("connect" + ids + " --certificate " + mismatched, 1, "does not belong to its certificate"));
        FAILURES.put(
                "EC key",
                new Failure(
                        "connect" + ids + " --certificate " + ec + " --password-file " + password,
                        1,
                        "cannot sign in: EC key; Entra ID client certificates need an RSA key of 2048 bits or more"));
        FAILURES.put(
                "DSA key",
                new Failure(
                        "connect" + ids + " --certificate " + dsa + " --password-file " + password,
                        1,
                        "cannot sign in: DSA key"));
        FAILURES.put(
                "small key",
                new Failure(
                        "connect" + ids + " --certificate " + small,
                        1,
                        "cannot sign in: RSA key of 1024 bits; Entra ID client certificates need an RSA key of 2048 bits"));
        FAILURES.put("expired", new Failure("connect" + ids + " --certificate " + expired, 1, "expired on"));
        FAILURES.put(
                "not yet valid",
                new Failure("connect" + ids + " --certificate " + future, 1, "cannot sign in: not valid before"));
        FAILURES.put(
                "no tenant",
                new Failure(
                        "connect --client-id " + demo.clientId() + " --certificate " + x,
                        2,
                        "connect needs --tenant-id"));
        FAILURES.put(
                "no client id",
                new Failure(
                        "connect --tenant-id " + demo.tenantId() + " --certificate " + x,
                        2,
                        "connect needs --client-id"));
        FAILURES.put(
                "two forms",
                new Failure(
                        "connect" + ids + " --certificate " + x + " --secret-env S",
                        2,
                        "one credential form, but got --certificate and --secret-env"));
        FAILURES.put(
                "unknown environment",
                new Failure(
                        "connect --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                                + " --environment Mars --certificate " + pfx + " --password-file " + password,
                        2,
                        "Unknown environment 'Mars'"));
    }

    /** In -c mode each failure is one line and its exit code, and nothing reached the token endpoint. */
    @Test
    void eachFailureIsOneLine() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        int before = emulator.requests().size();
        for (Map.Entry<String, Failure> entry : FAILURES.entrySet()) {
            ShellProcess.Result result = shell.run(entry.getValue().line());
            assertThat(result.exitCode())
                    .as(entry.getKey() + ": " + result.err())
                    .isEqualTo(entry.getValue().exitCode());
            assertThat(result.errLines())
                    .as(entry.getKey())
                    .singleElement()
                    .asString()
                    .contains(entry.getValue().message());
            assertThat(result.err()).as(entry.getKey()).doesNotContain("Exception");
        }
        assertThat(emulator.requests().size())
                .as("local failures are found before any network call")
                .isEqualTo(before);
    }

    /**
     * An interactive session shows every failure and still connects afterwards (in this JVM, on a dumb
     * terminal: nothing here needs a real screen).
     */
    @Test
    void interactiveSessionGoesOn() throws Exception {
        List<String> lines = new ArrayList<>();
        FAILURES.values().forEach(failure -> lines.add(failure.line()));
        Path pem = TestCertificates.writePem(
                new TestCertificates.Issued(
                        new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate()),
                files.resolve("good.pem"),
                "pkcs8",
                null);
        lines.add("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --certificate " + pem);
        lines.add("exit");

        TypedSession session = TypedSession.type(home, lines);

        assertThat(session.exitCode()).as(session.err()).isZero();
        for (Failure failure : FAILURES.values()) {
            assertThat(session.err()).contains(failure.message());
        }
        assertThat(session.screen() + session.err()).contains("AppOnly, ClientCertificate");
        assertThat(session.screen()).contains("entra [Entra Shell Demo @ " + demo.tenantId() + " (Emu)]>");
    }
}

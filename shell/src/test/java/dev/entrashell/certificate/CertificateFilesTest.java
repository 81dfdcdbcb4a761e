package dev.entrashell.certificate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.Prompter;
import dev.entrashell.session.Redactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateFilesTest {
    private static TestCertificates.Issued app;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificate() {
        app = TestCertificates.rsa("Files Test App", 2048);
    }

    private static Passwords passwords(String given) {
        return new Passwords(given == null ? null : given.toCharArray(), Prompter.none(), new Redactor());
    }

    /** PFX with a password, PEM with PKCS#8 and PKCS#1 keys, plain and encrypted, all load to the same certificate. */
    @Test
    void loadsEveryFormat() throws Exception {
        Path pfx = TestCertificates.writePfx(app, dir.resolve("app.pfx"), "pfx-pw".toCharArray());
        assertThat(CertificateFiles.load(pfx, passwords("pfx-pw")).thumbprint()).isEqualTo(app.thumbprint());
        for (String format : new String[] {"pkcs8", "pkcs1"}) {
            Path plain = TestCertificates.writePem(app, dir.resolve(format + ".pem"), format, null);
            Path encrypted =
                    TestCertificates.writePem(app, dir.resolve(format + "-enc.pem"), format, "pem-pw".toCharArray());
            assertThat(CertificateFiles.load(plain, passwords(null)).thumbprint())
                    .isEqualTo(app.thumbprint());
            assertThat(CertificateFiles.load(encrypted, passwords("pem-pw")).thumbprint())
                    .isEqualTo(app.thumbprint());
        }
    }

    /** A password-protected file with no password and nobody to ask says how to give one. */
    @Test
    void asksForThePasswordOrSaysHowToGiveIt() throws Exception {
        Path pfx = TestCertificates.writePfx(app, dir.resolve("app.pfx"), "pfx-pw".toCharArray());
        assertThatThrownBy(() -> CertificateFiles.load(pfx, passwords(null)))
                .hasMessageContaining("is password-protected")
                .hasMessageContaining("--password-file");
        Prompter answering = prompt -> Optional.of("pfx-pw".toCharArray());
        assertThat(CertificateFiles.load(pfx, new Passwords(null, answering, new Redactor()))
                        .thumbprint())
                .isEqualTo(app.thumbprint());
        assertThatThrownBy(() -> CertificateFiles.load(pfx, passwords("wrong")))
                .hasMessageContaining("the password is wrong");
        Path pem = TestCertificates.writePem(app, dir.resolve("enc.pem"), "pkcs8", "pem-pw".toCharArray());
        assertThatThrownBy(() -> CertificateFiles.load(pem, passwords("nope")))
                .hasMessageContaining("the password is wrong");
        assertThatThrownBy(() -> CertificateFiles.load(pem, passwords(null))).hasMessageContaining("is encrypted");
    }

    /** What Entra ID would refuse is refused locally, before any network call. */
    @Test
    void checksWhatEntraNeeds() throws Exception {
        TestCertificates.Issued small = TestCertificates.rsa("Small", 1024);
        assertThatThrownBy(() -> CertificateFiles.load(
                        TestCertificates.writePem(small, dir.resolve("small.pem"), "pkcs8", null), passwords(null)))
                .hasMessageContaining("1024 bits");
        TestCertificates.Issued ec = TestCertificates.issue(
                "EC", "EC", 256, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        assertThatThrownBy(() -> CertificateFiles.load(
                        TestCertificates.writePfx(ec, dir.resolve("ec.pfx"), "x".toCharArray()), passwords("x")))
                .hasMessageContaining("EC key")
                .hasMessageContaining("RSA");
        TestCertificates.Issued expired = TestCertificates.issue(
                "Old",
                "RSA",
                2048,
                Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35)));
        assertThatThrownBy(() -> CertificateFiles.load(
                        TestCertificates.writePfx(expired, dir.resolve("old.pfx"), "x".toCharArray()), passwords("x")))
                .hasMessageContaining("expired on");
        TestCertificates.Issued other = TestCertificates.rsa("Other", 2048);
        Path mismatched = dir.resolve("mismatch.pem");
        Files.writeString(
                mismatched,
                Files.readString(TestCertificates.writePem(app, dir.resolve("a.pem"), "pkcs8", null))
                                .split("-----BEGIN PRIVATE")[0]
                        + "-----BEGIN PRIVATE"
                        + Files.readString(TestCertificates.writePem(other, dir.resolve("b.pem"), "pkcs8", null))
                                .split("-----BEGIN PRIVATE")[1]);
        assertThatThrownBy(() -> CertificateFiles.load(mismatched, passwords(null)))
                .hasMessageContaining("does not belong");
    }

    /** Files that are not certificates get a line naming the file. */
    @Test
    void refusesWhatIsNotACertificate() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.pfx"), "hello");
        assertThatThrownBy(() -> CertificateFiles.load(text, passwords(null)))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("notes.pfx is not a certificate file");
        assertThatThrownBy(() -> CertificateFiles.load(dir.resolve("missing.pfx"), passwords(null)))
                .hasMessageContaining("does not exist");
        Path onlyCert = dir.resolve("only.pem");
        Files.writeString(
                onlyCert,
                Files.readString(TestCertificates.writePem(app, dir.resolve("c.pem"), "pkcs8", null))
                        .split("-----BEGIN PRIVATE")[0]);
        assertThatThrownBy(() -> CertificateFiles.load(onlyCert, passwords(null)))
                .hasMessage(onlyCert + " is a certificate without its private key, and signing in needs the key: "
                        + "use the .pfx exported with its private key, or join the PEM certificate and its key into "
                        + "one file (cat only.crt only.key > only.pem).");
    }

    /**
     * A password-less .pfx from openssl, its key in a plain key bag (-keypbe NONE) that the JDK does not
     * read, or encrypted with the empty password: both connect, with no password asked.
     */
    @Test
    void passwordlessPfxFromOpenssl() throws Exception {
        Path plain = TestCertificates.writePfxWithOpenssl(
                app, dir.resolve("plain.pfx"), "-keypbe", "NONE", "-certpbe", "NONE");
        assertThat(CertificateFiles.load(plain, passwords(null)).thumbprint()).isEqualTo(app.thumbprint());
        Path nodes = TestCertificates.writePfxWithOpenssl(app, dir.resolve("nodes.pfx"), "-nodes");
        assertThat(CertificateFiles.load(nodes, passwords(null)).thumbprint()).isEqualTo(app.thumbprint());
    }

    /** A DER .cer, what the app registration gets, is named for what it is, not as broken PKCS#12. */
    @Test
    void aCertificateWithoutItsKeySaysWhereTheKeyIs() throws Exception {
        Path cer = Files.write(dir.resolve("App.cer"), CertificateEncodings.der(app.certificate()));
        assertThatThrownBy(() -> CertificateFiles.load(cer, passwords(null)))
                .hasMessageStartingWith(cer + " is a certificate without its private key")
                .hasMessageContaining("the .pfx exported with its private key")
                .hasMessageContaining("cat App.crt App.key > App.pem")
                .hasMessageNotContaining("DerValue");
    }
}

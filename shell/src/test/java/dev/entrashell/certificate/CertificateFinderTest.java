package dev.entrashell.certificate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.session.Prompter;
import dev.entrashell.session.Redactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateFinderTest {
    @TempDir
    Path dir;

    private static Passwords none() {
        return new Passwords(null, Prompter.none(), new Redactor());
    }

    /** A certificate is found by thumbprint whatever its file is called, in any store of the list. */
    @Test
    void findsByThumbprintAcrossStores() throws Exception {
        TestCertificates.Issued wanted = TestCertificates.rsa("Wanted", 2048);
        TestCertificates.Issued other = TestCertificates.rsa("Other", 2048);
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        TestCertificates.writePfx(other, first.resolve("other.pfx"), new char[0]);
        TestCertificates.writePem(wanted, second.resolve("renamed.pem"), "pkcs8", null);
        List<CertificateStore> stores =
                List.of(new CertificateStore("first", first), new CertificateStore("second", second));
        assertThat(CertificateFinder.byThumbprint(wanted.thumbprint(), stores, none())
                        .thumbprint())
                .isEqualTo(wanted.thumbprint());
    }

    /** A miss names every store searched and the files that needed a password. */
    @Test
    void aMissNamesEveryStore() throws Exception {
        Path store = Files.createDirectories(dir.resolve("certs"));
        TestCertificates.writePfx(
                TestCertificates.rsa("Locked", 2048), store.resolve("locked.pfx"), "secret".toCharArray());
        List<CertificateStore> stores =
                List.of(new CertificateStore("certs", store), new CertificateStore("dotnet", dir.resolve("nope")));
        Thumbprint absent = TestCertificates.rsa("Absent", 2048).thumbprint();
        assertThatThrownBy(() -> CertificateFinder.byThumbprint(absent, stores, none()))
                .hasMessageContaining("No certificate with thumbprint " + absent)
                .hasMessageContaining("certs (1 file)")
                .hasMessageContaining("dotnet (not present)")
                .hasMessageContaining("locked.pfx")
                .hasMessageContaining("--password-file");
    }

    /** A certificate present without its private key is reported as such, not as missing. */
    @Test
    void foundWithoutKey() throws Exception {
        TestCertificates.Issued issued = TestCertificates.rsa("Public only", 2048);
        Path store = Files.createDirectories(dir.resolve("certs"));
        Files.write(store.resolve("public.cer"), issued.certificate().getEncoded());
        assertThatThrownBy(() -> CertificateFinder.byThumbprint(
                        issued.thumbprint(), List.of(new CertificateStore("certs", store)), none()))
                .hasMessageContaining("without its private key");
    }
}

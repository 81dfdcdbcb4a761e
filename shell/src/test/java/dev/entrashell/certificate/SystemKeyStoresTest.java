package dev.entrashell.certificate;

import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.entrashell.session.Prompter;
import dev.entrashell.session.Redactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OS-store search (Windows CurrentUser\My, the macOS keychain) through the JDK's KeyStore API, with
 * an in-memory key store type registered the way SunMSCAPI and Apple's provider register theirs
 * ({@link FakeOsStores}). What cannot be tested here is those providers themselves.
 */
class SystemKeyStoresTest {
    private static final String TYPE = "EntraShellTest-MY";
    private static final TestCertificates.Issued NEWER = TestCertificates.rsa("Store App", 2048);
    private static final TestCertificates.Issued EXPIRED = TestCertificates.issue(
            "Store App",
            "RSA",
            2048,
            Instant.now().minus(Duration.ofDays(400)),
            Instant.now().minus(Duration.ofDays(1)));
    private static final TestCertificates.Issued PUBLIC_ONLY = TestCertificates.rsa("Public Only", 2048);

    private static final FakeOsStores PROVIDER = new FakeOsStores()
            .store(
                    TYPE,
                    Map.of(
                            "newer", new FakeOsStores.Entry(NEWER.keys().getPrivate(), NEWER.certificate()),
                            "expired", new FakeOsStores.Entry(EXPIRED.keys().getPrivate(), EXPIRED.certificate()),
                            "public", new FakeOsStores.Entry(null, PUBLIC_ONLY.certificate())));

    @BeforeAll
    static void register() {
        Security.addProvider(PROVIDER);
    }

    @AfterAll
    static void unregister() {
        Security.removeProvider(PROVIDER.getName());
    }

    private static Passwords none() {
        return new Passwords(null, Prompter.none(), new Redactor());
    }

    private static final List<CertificateStore> STORES = List.of(
            CertificateStore.system("Test CurrentUser\\My", TYPE),
            CertificateStore.system("Missing store", "NoSuchStore-MY"));

    /** By thumbprint and by subject (expired skipped), with the store's own key. */
    @Test
    void findsInTheOsStore() {
        assertThat(CertificateFinder.byThumbprint(NEWER.thumbprint(), STORES, none())
                        .source())
                .isEqualTo("Test CurrentUser\\My 'newer'");
        assertThat(CertificateFinder.bySubject("CN=Store App", STORES, none()).thumbprint())
                .isEqualTo(NEWER.thumbprint());
    }

    /** Missing stores, certificates without a key and misses are reported with every store named. */
    @Test
    void reportsWhatItSaw() {
        assertThatThrownBy(() -> CertificateFinder.byThumbprint(PUBLIC_ONLY.thumbprint(), STORES, none()))
                .hasMessageContaining("without its private key");
        assertThatThrownBy(() -> CertificateFinder.byThumbprint(
                        TestCertificates.rsa("Absent", 2048).thumbprint(), STORES, none()))
                .hasMessageContaining("Test CurrentUser\\My (3 certificates)")
                .hasMessageContaining("Missing store (not available on this Java");
    }
}

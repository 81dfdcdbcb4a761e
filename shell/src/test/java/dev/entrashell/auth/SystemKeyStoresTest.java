package dev.entrashell.auth;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.entrashell.session.Prompter;
import dev.entrashell.session.Redactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OS-store search (Windows CurrentUser\My, the macOS keychain) through the JDK's KeyStore API, with
 * an in-memory key store type registered the way SunMSCAPI and Apple's provider register theirs. What
 * cannot be tested here is those providers themselves.
 */
class SystemKeyStoresTest {
    private static final String TYPE = "EntraShellTest-MY";
    private static final KeyStore BACKING;
    private static final TestCertificates.Issued NEWER = TestCertificates.rsa("Store App", 2048);
    private static final TestCertificates.Issued EXPIRED = TestCertificates.issue(
            "Store App",
            "RSA",
            2048,
            Instant.now().minus(Duration.ofDays(400)),
            Instant.now().minus(Duration.ofDays(1)));
    private static final TestCertificates.Issued PUBLIC_ONLY = TestCertificates.rsa("Public Only", 2048);

    static {
        try {
            BACKING = KeyStore.getInstance("PKCS12");
            BACKING.load(null, null);
            BACKING.setKeyEntry(
                    "newer", NEWER.keys().getPrivate(), new char[0], new Certificate[] {NEWER.certificate()});
            BACKING.setKeyEntry(
                    "expired", EXPIRED.keys().getPrivate(), new char[0], new Certificate[] {EXPIRED.certificate()});
            BACKING.setCertificateEntry("public", PUBLIC_ONLY.certificate());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final Provider PROVIDER = new Provider("EntraShellTestStores", "1.0", "in-memory OS-like store") {
        private static final long serialVersionUID = 1L;

        {
            put("KeyStore." + TYPE, InMemoryStore.class.getName());
        }
    };

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

    /** A KeyStoreSpi over the in-memory store, as an OS provider would expose its store. */
    public static final class InMemoryStore extends KeyStoreSpi {
        @Override
        public Key engineGetKey(String alias, char[] password) {
            try {
                return BACKING.getKey(alias, new char[0]);
            } catch (Exception e) {
                return null;
            }
        }

        @Override
        public Certificate[] engineGetCertificateChain(String alias) {
            return call(() -> BACKING.getCertificateChain(alias));
        }

        @Override
        public Certificate engineGetCertificate(String alias) {
            return call(() -> BACKING.getCertificate(alias));
        }

        @Override
        public Date engineGetCreationDate(String alias) {
            return call(() -> BACKING.getCreationDate(alias));
        }

        @Override
        public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain)
                throws KeyStoreException {
            throw new KeyStoreException("read-only");
        }

        @Override
        public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
            throw new KeyStoreException("read-only");
        }

        @Override
        public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
            throw new KeyStoreException("read-only");
        }

        @Override
        public void engineDeleteEntry(String alias) throws KeyStoreException {
            throw new KeyStoreException("read-only");
        }

        @Override
        public Enumeration<String> engineAliases() {
            return call(BACKING::aliases);
        }

        @Override
        public boolean engineContainsAlias(String alias) {
            return call(() -> BACKING.containsAlias(alias));
        }

        @Override
        public int engineSize() {
            return call(BACKING::size);
        }

        @Override
        public boolean engineIsKeyEntry(String alias) {
            return call(() -> BACKING.isKeyEntry(alias));
        }

        @Override
        public boolean engineIsCertificateEntry(String alias) {
            return call(() -> BACKING.isCertificateEntry(alias));
        }

        @Override
        public String engineGetCertificateAlias(Certificate cert) {
            return call(() -> BACKING.getCertificateAlias(cert));
        }

        @Override
        public void engineStore(OutputStream stream, char[] password) {}

        @Override
        public void engineLoad(InputStream stream, char[] password) {}

        private interface Call<T> {
            T get() throws KeyStoreException;
        }

        private static <T> T call(Call<T> call) {
            try {
                return call.get();
            } catch (KeyStoreException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

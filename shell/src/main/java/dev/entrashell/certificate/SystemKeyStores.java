package dev.entrashell.certificate;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The operating system's certificate stores, read through the JDK's own key store types: Windows
 * CurrentUser\My and LocalMachine\My (SunMSCAPI), the macOS login keychain (KeychainStore). The keys
 * stay in the OS; the JDK signs with them through its provider.
 */
final class SystemKeyStores {
    private SystemKeyStores() {}

    /** One certificate of an OS store, and whether the store holds a key for it. */
    record Entry(X509Certificate certificate, boolean hasKey) {}

    private interface Visitor {
        void visit(KeyStore keyStore, String alias, X509Certificate certificate) throws GeneralSecurityException;
    }

    /** Adds the wanted certificates of the store to {@code found}; returns how the search went, for messages. */
    static String search(
            CertificateStore store,
            Predicate<X509Certificate> wanted,
            Passwords passwords,
            Consumer<CertificateFinder.Match> found) {
        return visit(store, (keyStore, alias, certificate) -> {
            if (wanted.test(certificate)) {
                found.accept(new CertificateFinder.Match(
                        certificate, store.label(), credential(keyStore, alias, certificate, store, passwords)));
            }
        });
    }

    /**
     * Adds every certificate of the store to {@code found}, without reading any key (the keychain may ask
     * the user to allow that); returns how the listing went, for messages.
     */
    static String list(CertificateStore store, Consumer<Entry> found) {
        return visit(
                store,
                (keyStore, alias, certificate) -> found.accept(new Entry(certificate, keyStore.isKeyEntry(alias))));
    }

    private static String visit(CertificateStore store, Visitor visitor) {
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(store.keyStoreType());
            keyStore.load(null, null);
        } catch (GeneralSecurityException | java.io.IOException e) {
            return store.label() + " (not available on this Java: " + e.getMessage() + ")";
        }
        int count = 0;
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                count++;
                if (keyStore.getCertificate(alias) instanceof X509Certificate x509) {
                    visitor.visit(keyStore, alias, x509);
                }
            }
        } catch (GeneralSecurityException e) {
            return store.label() + " (cannot be read: " + e.getMessage() + ")";
        }
        return store.label() + " (" + count + (count == 1 ? " certificate)" : " certificates)");
    }

    /** The certificate with its key, or null when the store holds no key for it (or denies access to it). */
    private static CertificateCredential credential(
            KeyStore keyStore, String alias, X509Certificate certificate, CertificateStore store, Passwords passwords) {
        try {
            if (!keyStore.isKeyEntry(alias)) {
                return null;
            }
            // Windows ignores the password; the keychain asks for one but accepts the user's session.
            Key key = keyStore.getKey(alias, passwords.given().orElse(new char[0]));
            if (!(key instanceof PrivateKey privateKey)) {
                return null;
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] stored = keyStore.getCertificateChain(alias);
            if (stored == null || stored.length == 0) {
                chain.add(certificate);
            } else {
                for (Certificate c : stored) {
                    chain.add((X509Certificate) c);
                }
            }
            return new CertificateCredential(chain, privateKey, store.label() + " '" + alias + "'");
        } catch (GeneralSecurityException e) {
            return null; // "Keyset does not exist": the account may not read this key
        }
    }
}

package dev.entrashell.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/**
 * Opens a PKCS#12 file as a key store. The JDK's reader skips a private key kept in a plain key bag
 * (not encrypted), which is what {@code openssl pkcs12 -export -keypbe NONE -certpbe NONE} and some
 * password-less exports write, and with it the certificate that belongs to that key: it shows nothing at
 * all. When the JDK sees no key, BouncyCastle's reader, which knows plain key bags, reads the file again; it is loaded
 * only then, so ordinary .pfx files never load it.
 */
final class Pkcs12KeyStores {
    private Pkcs12KeyStores() {}

    /**
     * @param password null reads only what is not encrypted, without checking the file's integrity (the
     *     JDK's meaning)
     * @throws IOException when the password is wrong or the file is not PKCS#12, as the JDK says it
     */
    static KeyStore load(byte[] content, char[] password) throws IOException, GeneralSecurityException {
        KeyStore jdk = KeyStore.getInstance("PKCS12");
        jdk.load(new ByteArrayInputStream(content), password);
        if (hasKey(jdk)) {
            return jdk;
        }
        try {
            KeyStore plainKeyBags = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
            // BouncyCastle has no "skip the integrity check" for null: the empty password is what such files use
            plainKeyBags.load(new ByteArrayInputStream(content), password == null ? new char[0] : password);
            return hasKey(plainKeyBags) ? plainKeyBags : jdk;
        } catch (IOException | GeneralSecurityException | RuntimeException notReadable) {
            return jdk; // BouncyCastle sees no more than the JDK did: the file has no key to give
        }
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}

package dev.entrashell.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The thumbprints a Tab can offer after {@code --thumbprint}, cheaply and without a password: files
 * named after their thumbprint (as the demo, {@code cert new}, {@code cert import} and .NET's store
 * name them), and the certificates with a key in the OS stores. Keys are never read: the macOS
 * keychain would ask the user for permission on every Tab.
 */
public final class KnownThumbprints {
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");

    private KnownThumbprints() {}

    public static List<String> in(List<CertificateStore> stores) {
        TreeSet<String> found = new TreeSet<>();
        for (CertificateStore store : stores) {
            try {
                if (store.keyStoreType() != null) {
                    addFromKeyStore(store.keyStoreType(), found);
                } else if (Files.isDirectory(store.location())) {
                    addFromFileNames(store.location(), found);
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // a store that cannot be read offers nothing; connect will say why
            }
        }
        return List.copyOf(found);
    }

    private static void addFromFileNames(Path folder, TreeSet<String> found) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("(?i).+\\.(pfx|p12|pem)"))
                    .map(name -> name.substring(0, name.lastIndexOf('.')))
                    .filter(base -> THUMBPRINT.matcher(base).matches())
                    .forEach(base -> found.add(base.toUpperCase(Locale.ROOT)));
        }
    }

    private static void addFromKeyStore(String type, TreeSet<String> found)
            throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance(type);
        keyStore.load(null, null);
        for (String alias : Collections.list(keyStore.aliases())) {
            Certificate certificate = keyStore.getCertificate(alias);
            if (keyStore.isKeyEntry(alias) && certificate instanceof X509Certificate x509) {
                found.add(Thumbprint.of(x509).hex());
            }
        }
    }
}

package dev.entrashell.emulator.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A client certificate an authority issued, with its private key and its chain: what a client
 * needs for subject name and issuer authentication, where the assertion carries the chain.
 *
 * @param chain the leaf first, then the issuing authority; the root, which the tenant trusts, is
 *     left out, as when a PKCS#12 file is exported without it
 */
public record IssuedClientCertificate(List<X509Certificate> chain, PrivateKey privateKey) {
    private static final String ALIAS = "client";

    public IssuedClientCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least the leaf certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** A PKCS#12 file with one key entry: the key and the whole chain. */
    public byte[] pkcs12(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write a PKCS#12 file", e);
        }
    }

    /** The chain's certificates, leaf first, then the unencrypted PKCS#8 private key. */
    public String pem() {
        StringBuilder text = new StringBuilder();
        chain.forEach(certificate -> text.append(Pem.encode(certificate)));
        return text.append(Pem.encode(privateKey)).toString();
    }

    /** Writes {@link #pkcs12} to a file readable by its owner only where the file system allows. */
    public Path writePkcs12(Path file, char[] password) throws IOException {
        return writePrivately(file, pkcs12(password));
    }

    /** Writes {@link #pem} to a file readable by its owner only where the file system allows. */
    public Path writePem(Path file) throws IOException {
        return writePrivately(file, pem().getBytes(StandardCharsets.US_ASCII));
    }

    private static Path writePrivately(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = file.toAbsolutePath()
                .getFileSystem()
                .supportedFileAttributeViews()
                .contains("posix");
        if (posix && !Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "IssuedClientCertificate[" + certificate().getSubjectX500Principal() + ", chain=" + chain.size() + "]";
    }
}

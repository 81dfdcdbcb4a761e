package dev.entrashell.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.InputFiles;

/**
 * Reads a certificate with its private key from a file: PKCS#12 ({@code .pfx}/{@code .p12}) with the
 * JDK, PEM (certificate plus PKCS#8 or PKCS#1 key, encrypted or not) with BouncyCastle, which is only
 * loaded when a PEM file is actually read.
 */
public final class CertificateFiles {
    private static final Pattern PEM_CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private CertificateFiles() {}

    public static CertificateCredential load(Path file, Passwords passwords) {
        byte[] content = read(file);
        if (!publicCertificates(content).isEmpty() && !hasPemKey(content)) {
            throw withoutPrivateKey(file); // else a DER .cer is read as PKCS#12, and fails in ASN.1 words
        }
        CertificateCredential credential =
                looksLikePem(content) ? PemFiles.load(file, content, passwords) : loadPkcs12(file, content, passwords);
        CertificateRequirements.check(credential);
        return credential;
    }

    static byte[] read(Path file) {
        if (Files.isDirectory(file) && !file.toString().isEmpty()) {
            throw ShellException.usage(file + " is a folder; --certificate takes a .pfx, .p12 or .pem file "
                    + "(use --thumbprint with --store FOLDER to search a folder).");
        }
        return InputFiles.read("Certificate file", file);
    }

    static boolean looksLikePem(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("-----BEGIN ");
    }

    /**
     * Opens a PKCS#12 file: with the given password, else with an empty one (how the .NET store on Linux
     * and many exports keep them), else with one asked for at the terminal.
     */
    static CertificateCredential loadPkcs12(Path file, byte[] content, Passwords passwords) {
        Optional<char[]> given = passwords.given();
        if (given.isPresent()) {
            return openPkcs12(file, content, given.get())
                    .orElseThrow(() -> ShellException.of(
                            "Cannot open {}: the password is wrong (or the file is damaged). Check the file given to "
                                    + "--password-file or the variable given to --password-env.",
                            file));
        }
        for (char[] empty : Arrays.asList(new char[0], null)) {
            Optional<CertificateCredential> opened = openPkcs12(file, content, empty);
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        char[] asked = passwords
                .ask(file)
                .orElseThrow(() -> new ShellException(file + " is password-protected: give its password with "
                        + "--password-file FILE or --password-env VARIABLE."));
        return openPkcs12(file, content, asked)
                .orElseThrow(() -> ShellException.of("Cannot open {}: the password is wrong.", file));
    }

    /** Empty when the password does not open the file; an error when the file is not PKCS#12 at all. */
    static Optional<CertificateCredential> openPkcs12(Path file, byte[] content, char[] password) {
        KeyStore store;
        try {
            store = Pkcs12KeyStores.load(content, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                return Optional.empty();
            }
            throw new ShellException(file + " is not a certificate file: expected PKCS#12 (.pfx/.p12) or PEM"
                    + (e.getMessage() == null ? "." : " (" + e.getMessage() + ")."));
        } catch (GeneralSecurityException e) {
            throw new ShellException(file + " cannot be read as PKCS#12: " + e.getMessage());
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.isEmpty()) {
                throw withoutPrivateKey(file);
            }
            if (keyAliases.size() > 1) {
                throw new ShellException(file + " holds " + keyAliases.size() + " private keys (" + keyAliases
                        + "); keep one certificate with its key per file.");
            }
            String alias = keyAliases.get(0);
            Key key = store.getKey(alias, password == null ? new char[0] : password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new ShellException(file + " holds no usable private key for '" + alias + "'.");
            }
            Certificate[] chain = store.getCertificateChain(alias);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
                certificates.add((X509Certificate) c);
            }
            return Optional.of(new CertificateCredential(certificates, privateKey, file.toString()));
        } catch (UnrecoverableKeyException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new ShellException("Cannot read the key in " + file + ": " + e.getMessage());
        }
    }

    /**
     * A certificate file without the private key it stands for: a .cer, .crt or .pem of the certificate
     * alone, as the app registration gets it, or a .pfx exported without the key. Signing in signs with
     * the key, so say where a file with the key comes from.
     */
    static ShellException withoutPrivateKey(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new ShellException(file + " is a certificate without its private key, and signing in needs the key: "
                + "use the .pfx exported with its private key, or join the PEM certificate and its key into one "
                + "file (cat " + name + ".crt " + name + ".key > " + name + ".pem).");
    }

    /** Whether a PEM file holds a private key block (encrypted or not), seen without decrypting it. */
    static boolean hasPemKey(byte[] content) {
        return looksLikePem(content) && new String(content, StandardCharsets.US_ASCII).contains("PRIVATE KEY-----");
    }

    /** The certificates of a PEM or DER file, read with the JDK only: no key, no password needed. */
    static List<X509Certificate> publicCertificates(byte[] content) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            if (!CertificateFiles.looksLikePem(content)) {
                return List.of((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(content)));
            }
            List<X509Certificate> certificates = new ArrayList<>();
            Matcher blocks = PEM_CERTIFICATE.matcher(new String(content, StandardCharsets.US_ASCII));
            while (blocks.find()) {
                byte[] der = Base64.getMimeDecoder().decode(blocks.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            return certificates;
        } catch (CertificateException | IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * The certificates a file shows without its password: PEM or DER, or the certificate bags a PKCS#12
     * file leaves unencrypted (as {@code cert new} writes them; Windows and the JDK encrypt them too).
     */
    static List<X509Certificate> certificatesWithoutPassword(byte[] content) {
        List<X509Certificate> certificates = publicCertificates(content);
        if (!certificates.isEmpty() || looksLikePem(content)) {
            return certificates;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), null); // no password: only what is not encrypted
            List<X509Certificate> found = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    found.add(certificate);
                }
            }
            return found;
        } catch (IOException | GeneralSecurityException e) {
            return List.of();
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}

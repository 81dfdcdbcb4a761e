package dev.entrashell.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.entrashell.errors.ShellException;

/**
 * What the certificate stores and files hold, for {@code cert list}, {@code cert show} and {@code cert
 * export}: public certificates only, read without a password where the file allows it (a .pfx whose
 * certificates are not encrypted, as {@code cert new} writes them; PEM; DER). Private keys are never
 * decrypted here; whether one is present is read from the file's structure.
 */
public final class CertificateInventory {
    private CertificateInventory() {}

    /**
     * The stores' certificates, with what could not be read.
     *
     * @param searched each store with how many files or certificates it has, for messages
     * @param locked files that show nothing without their password
     * @param unreadable files that are not certificate files (or are damaged)
     */
    public record Listing(
            List<CertificateReport> certificates, List<String> searched, List<Path> locked, List<Path> unreadable) {

        /** The files that could not be read, and how to read them; empty when there are none. */
        public String notes() {
            List<String> notes = new ArrayList<>();
            if (!locked.isEmpty()) {
                notes.add(locked.size() + " file(s) need a password to be read (" + names(locked)
                        + "): give it with --password-file FILE or --password-env VARIABLE.");
            }
            if (!unreadable.isEmpty()) {
                notes.add(unreadable.size() + " file(s) are not certificate files or are damaged (" + names(unreadable)
                        + ").");
            }
            return String.join(" ", notes);
        }

        private static String names(List<Path> files) {
            return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
        }
    }

    /** One certificate in a file, and whether the file holds its private key. */
    private record Entry(X509Certificate certificate, boolean hasKey) {}

    public static Listing list(List<CertificateStore> stores, Passwords passwords, Instant now) {
        List<CertificateReport> certificates = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        List<Path> locked = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        for (CertificateStore store : stores) {
            if (store.keyStoreType() != null) {
                searched.add(SystemKeyStores.list(
                        store,
                        entry -> certificates.add(
                                CertificateReport.of(entry.certificate(), store.label(), entry.hasKey(), now))));
                continue;
            }
            if (!Files.exists(store.location())) {
                searched.add(store.label() + " (not present)");
                continue;
            }
            List<Path> files = CertificateFinder.candidates(store.location(), null);
            searched.add(store.label() + " (" + files.size() + (files.size() == 1 ? " file)" : " files)"));
            for (Path file : files) {
                try {
                    Optional<List<Entry>> entries = entries(file, Files.readAllBytes(file), passwords.given());
                    if (entries.isEmpty()) {
                        locked.add(file);
                    }
                    entries.orElse(List.of())
                            .forEach(entry -> certificates.add(
                                    CertificateReport.of(entry.certificate(), file.toString(), entry.hasKey(), now)));
                } catch (IOException | ShellException notCertificates) {
                    unreadable.add(file); // one damaged file must not hide the others
                }
            }
        }
        return new Listing(certificates, searched, locked, unreadable);
    }

    /**
     * The certificate with this thumbprint in the stores; a password-protected file named after it (as
     * {@code cert new} names them) is opened with the password given, or asked for.
     */
    public static CertificateReport find(
            Thumbprint wanted, List<CertificateStore> stores, Passwords passwords, Instant now) {
        Listing listing = list(stores, passwords, now);
        Optional<CertificateReport> found = listing.certificates().stream()
                .filter(report -> report.thumbprint().equals(wanted))
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        Optional<Path> named = listing.locked().stream()
                .filter(file -> CertificateFiles.baseName(file).equalsIgnoreCase(wanted.hex()))
                .findFirst();
        if (named.isPresent()) {
            Path file = named.get();
            Optional<Entry> entry = unlock(file, CertificateFiles.read(file), passwords).stream()
                    .filter(e -> Thumbprint.of(e.certificate()).equals(wanted))
                    .findFirst();
            if (entry.isPresent()) {
                return CertificateReport.of(
                        entry.get().certificate(), file.toString(), entry.get().hasKey(), now);
            }
        }
        throw new ShellException("No certificate with thumbprint " + wanted + " was found. Searched: "
                + String.join("; ", listing.searched()) + "." + (listing.notes().isEmpty() ? "" : " " + listing.notes())
                + " Name another store with --store PATH, or see what is there with 'cert list'.");
    }

    /** The certificate in a .pfx/.p12, PEM or DER file: the one with the private key, if the file has one. */
    public static CertificateReport read(Path file, Passwords passwords, Instant now) {
        if (Files.isDirectory(file)) {
            throw ShellException.usage(
                    file + " is a folder; give a certificate file or a thumbprint (to see a folder: cert list --store "
                            + file + ").");
        }
        byte[] content = CertificateFiles.read(file);
        List<Entry> entries;
        try {
            entries = entries(file, content, passwords.given()).orElseGet(() -> unlock(file, content, passwords));
        } catch (IOException e) {
            throw new ShellException(file + " is not a certificate file: expected .pfx/.p12, PEM, or DER (.cer/.crt).");
        }
        Entry entry = entries.stream().filter(Entry::hasKey).findFirst().orElse(entries.get(0));
        return CertificateReport.of(entry.certificate(), file.toString(), entry.hasKey(), now);
    }

    /**
     * The certificates of a file. PEM and DER need no password; a PKCS#12 file is opened with the given
     * password, an empty one, or none at all (which reads certificates that are not encrypted).
     *
     * @return empty when a password is needed to see anything
     * @throws IOException when the file is not a certificate file
     */
    private static Optional<List<Entry>> entries(Path file, byte[] content, Optional<char[]> given) throws IOException {
        List<X509Certificate> certificates = CertificateFiles.publicCertificates(content);
        if (!certificates.isEmpty()) {
            // a PEM chain lists its leaf first; the others are its issuers, not certificates of their own
            return Optional.of(List.of(new Entry(certificates.get(0), CertificateFiles.hasPemKey(content))));
        }
        if (CertificateFiles.looksLikePem(content)) {
            throw new IOException(file + " holds no certificate");
        }
        List<char[]> attempts = new ArrayList<>();
        given.ifPresent(attempts::add);
        attempts.add(new char[0]);
        for (char[] password : attempts) {
            Optional<List<Entry>> opened = pkcs12(content, password);
            if (opened.isPresent() && !opened.get().isEmpty()) {
                return opened;
            }
        }
        List<Entry> unprotected =
                pkcs12(content, null).orElseThrow(() -> new IOException(file + " is neither PKCS#12, PEM nor DER"));
        return unprotected.isEmpty() ? Optional.empty() : Optional.of(unprotected);
    }

    /** Empty when the password does not open the file (or, with none, when it is not PKCS#12). */
    private static Optional<List<Entry>> pkcs12(byte[] content, char[] password) {
        try {
            KeyStore store = Pkcs12KeyStores.load(content, password);
            List<Entry> entries = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    entries.add(new Entry(certificate, store.isKeyEntry(alias)));
                }
            }
            return Optional.of(entries);
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * A locked PKCS#12 file opened with its password, asked for when none was given; the errors say
     * what went wrong and how to give the password.
     */
    private static List<Entry> unlock(Path file, byte[] content, Passwords passwords) {
        CertificateCredential opened = CertificateFiles.loadPkcs12(file, content, passwords);
        return List.of(new Entry(opened.certificate(), true));
    }
}

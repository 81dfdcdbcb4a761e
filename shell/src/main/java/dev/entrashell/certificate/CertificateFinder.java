package dev.entrashell.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import dev.entrashell.errors.ShellException;

/**
 * Finds a certificate with its private key in certificate stores, by thumbprint or by subject name.
 * Files named after the thumbprint (as the .NET store names them) are tried first; a miss names every
 * store searched and every file that could not be opened, since "not found" with no detail is the
 * classic {@code Connect-MgGraph} frustration.
 */
public final class CertificateFinder {
    private CertificateFinder() {}

    /** A certificate that matched, with where it was and its key (null when the file has none). */
    record Match(X509Certificate certificate, String where, CertificateCredential credential) {}

    /** What a search saw: the matches, the stores with their file counts, the files it could not open. */
    private record Search(List<Match> matches, List<String> searched, List<Path> locked) {
        String summary() {
            String lockedNote = locked.isEmpty()
                    ? ""
                    : " " + locked.size() + " file(s) could not be opened without a password ("
                            + locked.stream()
                                    .map(p -> p.getFileName().toString())
                                    .collect(Collectors.joining(", "))
                            + "): give it with --password-file or --password-env.";
            return "Searched: " + String.join("; ", searched) + "." + lockedNote;
        }
    }

    public static CertificateCredential byThumbprint(
            Thumbprint wanted, List<CertificateStore> stores, Passwords passwords) {
        Search search = search(stores, passwords, c -> Thumbprint.of(c).equals(wanted), wanted.hex());
        Match match = search.matches().stream()
                .findFirst()
                .or(() -> lockedByName(search.locked(), wanted, passwords))
                .orElseThrow(
                        () -> new ShellException(
                                "No certificate with thumbprint " + wanted + " was found. " + search.summary()
                                        + " Put its .pfx in one of these folders or name the file or folder with --store PATH."));
        CertificateCredential credential = withKey(match, wanted.toString());
        CertificateRequirements.check(credential);
        return credential;
    }

    /**
     * A password-protected file named after the thumbprint, as {@code cert new} and {@code cert import}
     * name them: the name says it is the one wanted, so its password is asked for (or the error says how
     * to give it) instead of reporting the certificate missing.
     */
    private static Optional<Match> lockedByName(List<Path> locked, Thumbprint wanted, Passwords passwords) {
        return locked.stream()
                .filter(file -> CertificateFiles.baseName(file).equalsIgnoreCase(wanted.hex()))
                .findFirst()
                .map(file -> CertificateFiles.loadPkcs12(file, CertificateFiles.read(file), passwords))
                .filter(credential -> credential.thumbprint().equals(wanted))
                .map(credential -> new Match(credential.certificate(), credential.source(), credential));
    }

    /**
     * The newest valid certificate whose subject is {@code CN=Name} (or the whole distinguished name
     * given), as {@code Connect-MgGraph -CertificateSubjectName} picks it; expired ones are skipped and
     * named, so a rotation that was forgotten is visible.
     */
    public static CertificateCredential bySubject(String subject, List<CertificateStore> stores, Passwords passwords) {
        Predicate<X509Certificate> named = subjectMatcher(subject);
        Search search = search(stores, passwords, named, null);
        Instant now = Instant.now();
        List<Match> valid = search.matches().stream()
                .filter(m -> !m.certificate().getNotAfter().toInstant().isBefore(now)
                        && !m.certificate().getNotBefore().toInstant().isAfter(now))
                .sorted(Comparator.comparing((Match m) -> m.certificate().getNotBefore())
                        .reversed())
                .toList();
        List<String> skipped = search.matches().stream()
                .filter(m -> !valid.contains(m))
                .map(m -> Thumbprint.of(m.certificate())
                        + (m.certificate().getNotAfter().toInstant().isBefore(now)
                                ? " (expired " + m.certificate().getNotAfter().toInstant() + ")"
                                : " (not valid before "
                                        + m.certificate().getNotBefore().toInstant() + ")"))
                .toList();
        Optional<Path> lockedNewer = newestLockedMatch(search.locked(), named, now)
                .filter(locked -> valid.isEmpty()
                        || locked.certificate()
                                .getNotBefore()
                                .after(valid.get(0).certificate().getNotBefore()))
                .map(LockedMatch::file);
        if (lockedNewer.isPresent()) {
            Path file = lockedNewer.get();
            CertificateCredential credential =
                    CertificateFiles.loadPkcs12(file, CertificateFiles.read(file), passwords);
            CertificateRequirements.check(credential);
            return credential;
        }
        if (valid.isEmpty()) {
            throw new ShellException("No valid certificate with subject '" + subject + "' was found"
                    + (skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped)) + ". " + search.summary());
        }
        CertificateCredential credential = withKey(valid.get(0), "'" + subject + "'");
        CertificateRequirements.check(credential);
        return credential;
    }

    private record LockedMatch(Path file, X509Certificate certificate) {}

    /**
     * The newest valid match in a password-protected file whose certificate can be read without it (as
     * {@code cert new} writes them): the one wanted, so its password is asked for (or the error says how
     * to give it) rather than the certificate reported missing.
     */
    private static Optional<LockedMatch> newestLockedMatch(
            List<Path> locked, Predicate<X509Certificate> named, Instant now) {
        return locked.stream()
                .flatMap(file -> CertificateFiles.certificatesWithoutPassword(CertificateFiles.read(file)).stream()
                        .filter(named)
                        .filter(c -> !c.getNotAfter().toInstant().isBefore(now)
                                && !c.getNotBefore().toInstant().isAfter(now))
                        .map(c -> new LockedMatch(file, c)))
                .max(Comparator.comparing((LockedMatch m) -> m.certificate().getNotBefore()));
    }

    private static CertificateCredential withKey(Match match, String what) {
        if (match.credential() == null) {
            throw new ShellException("Found certificate " + what + " in " + match.where()
                    + ", but without its private key (or this account may not "
                    + "read it); "
                    + "connecting needs the key too (a .pfx, or a .pem with the key appended).");
        }
        return match.credential();
    }

    static Predicate<X509Certificate> subjectMatcher(String subject) {
        String wanted = subject.strip();
        if (wanted.regionMatches(true, 0, "CN=", 0, 3) && !wanted.contains(",")) {
            wanted = wanted.substring(3).strip();
        }
        if (wanted.contains("=")) {
            String dn = wanted;
            return c -> sameName(c.getSubjectX500Principal().getName(), dn);
        }
        String cn = wanted;
        return c -> commonName(c).map(n -> n.equalsIgnoreCase(cn)).orElse(false);
    }

    private static boolean sameName(String a, String b) {
        try {
            return new LdapName(a).equals(new LdapName(b)) || a.equalsIgnoreCase(b);
        } catch (InvalidNameException e) {
            return a.equalsIgnoreCase(b);
        }
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal());
    }

    static Optional<String> commonName(X500Principal name) {
        try {
            for (Rdn rdn : new LdapName(name.getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Search search(
            List<CertificateStore> stores,
            Passwords passwords,
            Predicate<X509Certificate> wanted,
            String preferredName) {
        List<Match> matches = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        List<Path> locked = new ArrayList<>();
        for (CertificateStore store : stores) {
            if (store.keyStoreType() != null) {
                searched.add(SystemKeyStores.search(store, wanted, passwords, matches::add));
                if (preferredName != null && !matches.isEmpty()) {
                    return new Search(matches, searched, locked);
                }
                continue;
            }
            if (!Files.exists(store.location())) {
                searched.add(store.label() + " (not present)");
                continue;
            }
            List<Path> files = candidates(store.location(), preferredName);
            searched.add(store.label() + " (" + files.size() + (files.size() == 1 ? " file)" : " files)"));
            for (Path file : files) {
                matches.addAll(open(file, wanted, passwords, locked));
                if (preferredName != null && !matches.isEmpty()) {
                    return new Search(matches, searched, locked); // a thumbprint names one certificate
                }
            }
        }
        return new Search(matches, searched, locked);
    }

    static List<Path> candidates(Path location, String preferredName) {
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        try (Stream<Path> listing = Files.list(location)) {
            String named = preferredName == null ? "" : preferredName.toLowerCase(Locale.ROOT);
            return listing.filter(Files::isRegularFile)
                    .filter(p -> CertificateFiles.extension(p).matches("pfx|p12|pem|cer|crt|der"))
                    .sorted(Comparator.comparing(
                                    (Path p) -> !CertificateFiles.baseName(p).equals(named))
                            .thenComparing(Path::toString))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new ShellException("Cannot list certificate store " + location + ": " + e.getMessage(), e);
        }
    }

    /** The wanted certificates in one file; never asks for a password. */
    private static List<Match> open(
            Path file, Predicate<X509Certificate> wanted, Passwords passwords, List<Path> locked) {
        byte[] content = CertificateFiles.read(file);
        if (CertificateFiles.extension(file).matches("pfx|p12")) {
            Optional<CertificateCredential> opened;
            try {
                opened = passwords.given().isPresent()
                        ? CertificateFiles.openPkcs12(
                                file, content, passwords.given().get())
                        : CertificateFiles.openPkcs12(file, content, new char[0])
                                .or(() -> CertificateFiles.openPkcs12(file, content, null));
            } catch (ShellException notPkcs12) {
                return List.of(); // a damaged file in a folder must not hide the others
            }
            if (opened.isEmpty()) {
                locked.add(file);
            }
            return opened.filter(c -> wanted.test(c.certificate()))
                    .map(c -> List.of(new Match(c.certificate(), file.toString(), c)))
                    .orElse(List.of());
        }
        List<X509Certificate> certificates = CertificateFiles.publicCertificates(content).stream()
                .filter(wanted)
                .toList();
        if (certificates.isEmpty()) {
            return List.of();
        }
        boolean hasKey = CertificateFiles.hasPemKey(content);
        CertificateCredential credential = hasKey ? PemFiles.load(file, content, passwords) : null;
        return certificates.stream()
                .map(c -> new Match(
                        c,
                        file.toString(),
                        credential != null && credential.certificate().equals(c) ? credential : null))
                .toList();
    }
}

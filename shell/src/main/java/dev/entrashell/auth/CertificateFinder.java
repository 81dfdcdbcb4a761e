package dev.entrashell.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.entrashell.ShellException;

/**
 * Finds a certificate with its private key by thumbprint in certificate stores. Files named after the
 * thumbprint (as the .NET store names them) are tried first; a miss names every store searched and
 * every file that could not be opened, since "not found" with no detail is the classic
 * {@code Connect-MgGraph} frustration.
 */
public final class CertificateFinder {
    private static final Pattern PEM_CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private CertificateFinder() {}

    public static CertificateCredential byThumbprint(
            Thumbprint wanted, List<CertificateStore> stores, Passwords passwords) {
        List<String> searched = new ArrayList<>();
        List<Path> locked = new ArrayList<>();
        for (CertificateStore store : stores) {
            if (!Files.exists(store.location())) {
                searched.add(store.label() + " (not present)");
                continue;
            }
            List<Path> files = candidates(store.location(), wanted);
            searched.add(store.label() + " (" + files.size() + (files.size() == 1 ? " file)" : " files)"));
            for (Path file : files) {
                Optional<CertificateCredential> match = open(file, wanted, passwords, locked);
                if (match.isPresent()) {
                    CertificateRequirements.check(match.get());
                    return match.get();
                }
            }
        }
        String lockedNote = locked.isEmpty()
                ? ""
                : " " + locked.size() + " file(s) could not be opened without a password ("
                        + locked.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                        + "): give it with --password-file or --password-env.";
        throw new ShellException("No certificate with thumbprint " + wanted + " was found. Searched: "
                + String.join("; ", searched) + "." + lockedNote
                + " Put its .pfx in one of these folders or name the file or folder with --store PATH.");
    }

    private static List<Path> candidates(Path location, Thumbprint wanted) {
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        try (Stream<Path> listing = Files.list(location)) {
            String named = wanted.hex().toLowerCase(Locale.ROOT);
            return listing.filter(Files::isRegularFile)
                    .filter(p -> extension(p).matches("pfx|p12|pem|cer|crt|der"))
                    .sorted(Comparator.comparing((Path p) -> !baseName(p).equals(named))
                            .thenComparing(Path::toString))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new ShellException("Cannot list certificate store " + location + ": " + e.getMessage(), e);
        }
    }

    /** The file's credential when it holds the wanted certificate; never asks for a password. */
    private static Optional<CertificateCredential> open(
            Path file, Thumbprint wanted, Passwords passwords, List<Path> locked) {
        byte[] content = CertificateFiles.read(file);
        if (extension(file).matches("pfx|p12")) {
            Optional<CertificateCredential> opened;
            try {
                opened = passwords.given().isPresent()
                        ? CertificateFiles.openPkcs12(
                                file, content, passwords.given().get())
                        : CertificateFiles.openPkcs12(file, content, new char[0])
                                .or(() -> CertificateFiles.openPkcs12(file, content, null));
            } catch (ShellException notPkcs12) {
                return Optional.empty(); // a damaged file in a folder must not hide the others
            }
            if (opened.isEmpty()) {
                locked.add(file);
            }
            return opened.filter(c -> c.thumbprint().equals(wanted));
        }
        List<X509Certificate> certificates = publicCertificates(content);
        if (certificates.stream().noneMatch(c -> Thumbprint.of(c).equals(wanted))) {
            return Optional.empty();
        }
        if (!CertificateFiles.looksLikePem(content)
                || !new String(content, StandardCharsets.US_ASCII).contains("PRIVATE KEY-----")) {
            throw new ShellException("Found certificate " + wanted + " in " + file + ", but without its private key; "
                    + "connecting needs the key too (a .pfx, or a .pem with the key appended).");
        }
        return Optional.of(PemFiles.load(file, content, passwords));
    }

    /** The certificates of a PEM or DER file, read with the JDK only: no key, no password needed. */
    private static List<X509Certificate> publicCertificates(byte[] content) {
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

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}

package dev.entrashell.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.PrivateFiles;

/**
 * {@code cert import}: copies a certificate with its private key (.pfx/.p12, or PEM with the key) into
 * a folder store as {@code THUMBPRINT.pfx} or {@code THUMBPRINT.pem}, unchanged (same password), after
 * opening it as {@code connect} would: a file that connect could not use is refused with the reason.
 */
public final class CertificateImport {
    private CertificateImport() {}

    /**
     * @param needsPassword whether the stored file needs a password to be used (connect then needs
     *     --password-file or --password-env, or asks)
     */
    public record Imported(CertificateCredential credential, Path file, boolean needsPassword) {}

    public static Imported into(Path source, Path store, Passwords passwords, Instant now) {
        if (Files.isDirectory(source)) {
            throw ShellException.usage(source + " is a folder; cert import takes one .pfx, .p12 or .pem file.");
        }
        byte[] content = CertificateFiles.read(source);
        boolean pem = CertificateFiles.looksLikePem(content);
        CertificateCredential credential = CertificateFiles.load(source, passwords);
        Thumbprint thumbprint = credential.thumbprint();
        Optional<String> already = existing(thumbprint, store, passwords, now);
        if (already.isPresent()) {
            throw new ShellException("Certificate " + thumbprint + " (" + credential.subject()
                    + ") is already in the store as " + already.get() + "; nothing was imported.");
        }
        Path target = store.resolve(thumbprint.hex() + (pem ? ".pem" : ".pfx"));
        try {
            PrivateFiles.write(target, content);
        } catch (IOException e) {
            throw new ShellException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        return new Imported(credential, target, needsPassword(source, content, pem));
    }

    /** The store's file that already holds this certificate: by name, or by what the files say. */
    private static Optional<String> existing(Thumbprint thumbprint, Path store, Passwords passwords, Instant now) {
        if (!Files.isDirectory(store)) {
            return Optional.empty();
        }
        List<Path> named = CertificateFinder.candidates(store, thumbprint.hex()).stream()
                .filter(file -> CertificateFiles.baseName(file).equalsIgnoreCase(thumbprint.hex()))
                .toList();
        if (!named.isEmpty()) {
            return Optional.of(named.get(0).toString());
        }
        return CertificateInventory.list(List.of(new CertificateStore(store.toString(), store)), passwords, now)
                .certificates()
                .stream()
                .filter(report -> report.thumbprint().equals(thumbprint))
                .map(CertificateReport::location)
                .findFirst();
    }

    private static boolean needsPassword(Path source, byte[] content, boolean pem) {
        if (pem) {
            return new String(content, StandardCharsets.US_ASCII).contains("ENCRYPTED");
        }
        return CertificateFiles.openPkcs12(source, content, new char[0])
                .or(() -> CertificateFiles.openPkcs12(source, content, null))
                .isEmpty();
    }
}

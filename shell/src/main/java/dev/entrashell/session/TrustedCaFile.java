package dev.entrashell.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

import dev.entrashell.errors.ShellException;

/** A PEM file of CA certificates that an environment trusts on top of the JVM's own trust. */
public final class TrustedCaFile {
    private TrustedCaFile() {}

    /** Checks at {@code environment add} time that the file holds certificates, so a typo fails early. */
    public static Path check(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        read(absolute);
        return absolute;
    }

    public static List<X509Certificate> read(Path file) {
        // Read whole, at most 1 MiB: CertificateFactory reads a stream a byte at a time (3 s per MB unbuffered).
        try (InputStream in = new ByteArrayInputStream(InputFiles.read("--ca-file", file))) {
            List<X509Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                            .map(X509Certificate.class::cast)
                            .collect(Collectors.toList());
            if (certificates.isEmpty()) {
                throw ShellException.usage("CA file " + file + " holds no certificate; expected PEM blocks "
                        + "'-----BEGIN CERTIFICATE-----'.");
            }
            return certificates;
        } catch (CertificateException e) {
            throw ShellException.usage("CA file " + file + " is not a PEM or DER certificate file: " + e.getMessage());
        } catch (IOException e) {
            throw ShellException.usage("Cannot read CA file " + file + ": " + e.getMessage());
        }
    }
}

package dev.entrashell.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

import dev.entrashell.ShellException;

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
        if (!Files.isReadable(file)) {
            throw ShellException.usage("CA file " + file + " does not exist or cannot be read.");
        }
        try (InputStream in = Files.newInputStream(file)) {
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

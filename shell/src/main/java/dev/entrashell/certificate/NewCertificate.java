package dev.entrashell.certificate;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.PrivateFiles;

/**
 * {@code cert new}: a self-signed client certificate whose private key goes, password-protected, into
 * a certificate store as {@code THUMBPRINT.pfx} (where {@code connect --thumbprint} finds it), and whose
 * public part goes, as {@code NAME.cer} (DER) and {@code NAME.pem}, where the user picks it up to upload
 * to the app registration. Everything that can be wrong is checked by {@link #plan} before the password
 * is asked for and the key is made.
 *
 * @param subject the certificate's subject and issuer
 * @param upload the .cer and .pem to write, which must not exist yet
 * @param store the folder the .pfx goes into
 */
public record NewCertificate(X500Principal subject, int months, int keyBits, Upload upload, Path store) {
    public static final int DEFAULT_MONTHS = 12;
    public static final int DEFAULT_KEY_BITS = 2048;
    private static final Set<Integer> KEY_SIZES = Set.of(2048, 3072, 4096);
    private static final int MAX_MONTHS = 120;
    /** Made valid a little before now, so a clock slightly behind (here or at Entra) still accepts it. */
    private static final Duration BACKDATE = Duration.ofMinutes(10);

    /** The public files, named after the subject's common name. */
    public record Upload(Path cer, Path pem) {}

    /** What {@link #create} made. */
    public record Created(X509Certificate certificate, Thumbprint thumbprint, Path pfx, Upload upload) {}

    /** Checks the options and that no file would be replaced; nothing is written. */
    public static NewCertificate plan(String subject, int months, int keyBits, Path outFolder, Path store) {
        X500Principal principal = subject(subject);
        checkLifetimeAndKeySize(months, keyBits);
        Path folder = outFolder.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw ShellException.usage("--out " + outFolder + " is a file; give the folder for the .cer and .pem.");
        }
        String name = CertificateFinder.commonName(principal)
                .map(NewCertificate::fileName)
                .filter(n -> !n.isEmpty())
                .orElse("certificate");
        Upload upload = new Upload(folder.resolve(name + ".cer"), folder.resolve(name + ".pem"));
        for (Path file : new Path[] {upload.cer(), upload.pem()}) {
            if (Files.exists(file)) {
                throw ShellException.usage(file + " already exists, and cert new does not replace files: give "
                        + "another folder with --out DIR, or move the old file away.");
            }
        }
        return new NewCertificate(principal, months, keyBits, upload, store);
    }

    /** Makes the key and certificate and writes the three files; the password protects the .pfx. */
    public Created create(char[] password, Clock clock) {
        CertificateCredential made = make(subject, months, keyBits, clock);
        X509Certificate certificate = made.certificate();
        Thumbprint thumbprint = made.thumbprint();
        Path pfx = writeKey(made, store.resolve(thumbprint.hex() + ".pfx"), password);
        try {
            Files.createDirectories(upload.cer().getParent());
            Files.write(upload.cer(), CertificateEncodings.der(certificate), StandardOpenOption.CREATE_NEW);
            Files.writeString(upload.pem(), CertificateEncodings.pem(certificate), StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new ShellException(e.getFile() + " appeared while the certificate was made; its key is in " + pfx
                    + ": export the public part with cert export " + thumbprint + " --out FILE.");
        } catch (IOException e) {
            throw new ShellException("Cannot write the public certificate: " + e.getMessage() + "; its key is in " + pfx
                    + ": export the public part with cert export " + thumbprint + " --out FILE.");
        }
        return new Created(certificate, thumbprint, pfx, upload);
    }

    /**
     * A new key and self-signed certificate as {@code cert new} makes them, in memory only ({@code cert
     * rotate} makes its replacement this way, with the subject of the certificate it replaces).
     */
    public static CertificateCredential make(X500Principal subject, int months, int keyBits, Clock clock) {
        checkLifetimeAndKeySize(months, keyBits);
        Instant now = clock.instant();
        Instant notAfter = now.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
        return CertificateMaker.selfSigned(subject, keyBits, now.minus(BACKDATE), notAfter);
    }

    /** Writes the certificate and its key, password-protected, to the .pfx file {@code pfx}; returns it. */
    public static Path writeKey(CertificateCredential made, Path pfx, char[] password) {
        try {
            PrivateFiles.write(pfx, Pkcs12Writer.encode(made, made.subject(), password));
        } catch (IOException e) {
            throw new ShellException("Cannot write " + pfx + ": " + e.getMessage() + "; nothing was made.", e);
        }
        return pfx;
    }

    /** The checks of --months and --key-size, for commands that want them before anything else. */
    public static void checkLifetimeAndKeySize(int months, int keyBits) {
        if (months < 1 || months > MAX_MONTHS) {
            throw ShellException.usage(
                    "--months " + months + " is out of range: give 1 to " + MAX_MONTHS + " (default: 12).");
        }
        if (!KEY_SIZES.contains(keyBits)) {
            throw ShellException.usage("--key-size " + keyBits + " is not offered: give 2048 (the default), 3072 or "
                    + "4096; Entra ID needs RSA keys of 2048 bits or more.");
        }
    }

    /** {@code CN=Name}, any distinguished name, or a bare name that becomes {@code CN=Name}. */
    private static X500Principal subject(String subject) {
        String text = subject == null ? "" : subject.strip();
        if (text.isEmpty()) {
            throw ShellException.usage("--subject is empty: give the certificate's name, such as 'CN=Nightly Sync'.");
        }
        try {
            return new X500Principal(text.contains("=") ? text : "CN=" + text);
        } catch (IllegalArgumentException e) {
            throw ShellException.usage("--subject '" + subject + "' is not a distinguished name (" + e.getMessage()
                    + "): give 'CN=Name', or 'CN=Name, O=Organisation'.");
        }
    }

    /** A file name that is safe everywhere: letters, digits, dot, dash and underscore; spaces become dashes. */
    private static String fileName(String commonName) {
        String safe = commonName.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}

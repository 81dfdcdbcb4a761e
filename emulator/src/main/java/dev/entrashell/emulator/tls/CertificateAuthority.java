package dev.entrashell.emulator.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's own CA. Clients trust it (and only it) to reach the loopback servers over real
 * TLS with hostname verification; it signs a fresh server certificate on every start.
 */
public final class CertificateAuthority {
    public static final String COMMON_NAME = "Entra Shell Emulator Local CA";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(90);
    /** Certificates start a little in the past so a peer whose clock lags still accepts them. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final CertificateAndKey identity;

    public CertificateAuthority(CertificateAndKey identity) {
        this.identity = identity;
    }

    /**
     * Uses real time, not the emulator's configurable clock: TLS peers check these dates against
     * their own clocks.
     */
    public static CertificateAuthority create() {
        KeyPair keys = RsaKeys.generate();
        Instant now = Instant.now();
        X509Certificate certificate =
                Certificates.certificateAuthority(keys, COMMON_NAME, now.minus(BACKDATE), now.plus(CA_VALIDITY));
        return new CertificateAuthority(new CertificateAndKey(certificate, keys.getPrivate()));
    }

    public X509Certificate certificate() {
        return identity.certificate();
    }

    public CertificateAndKey identity() {
        return identity;
    }

    /** True while the CA has at least a server certificate's lifetime left. */
    public boolean isUsableAt(Instant now) {
        return !now.isBefore(certificate().getNotBefore().toInstant())
                && now.plus(SERVER_VALIDITY)
                        .isBefore(certificate().getNotAfter().toInstant());
    }

    public CertificateAndKey issueLoopbackServerCertificate() {
        Instant now = Instant.now();
        return issueLoopbackServerCertificate(now.minus(BACKDATE), now.plus(SERVER_VALIDITY));
    }

    /** A server certificate for 127.0.0.1 valid only between these instants: an expired one, to test clients. */
    public CertificateAndKey issueLoopbackServerCertificate(Instant notBefore, Instant notAfter) {
        KeyPair keys = RsaKeys.generate();
        X509Certificate certificate = Certificates.loopbackServer(identity, keys.getPublic(), notBefore, notAfter);
        return new CertificateAndKey(certificate, keys.getPrivate());
    }

    /** Writes the certificate as PEM, readable by the owner only where the file system allows. */
    public Path writeCertificate(Path pemFile) throws IOException {
        byte[] pem = Pem.encode(certificate()).getBytes(StandardCharsets.US_ASCII);
        Path parent = pemFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = pemFile.toAbsolutePath()
                .getFileSystem()
                .supportedFileAttributeViews()
                .contains("posix");
        if (posix && !Files.exists(pemFile)) {
            Files.createFile(
                    pemFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(pemFile, pem, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        if (posix) {
            Files.setPosixFilePermissions(pemFile, PosixFilePermissions.fromString("rw-------"));
        }
        return pemFile;
    }
}

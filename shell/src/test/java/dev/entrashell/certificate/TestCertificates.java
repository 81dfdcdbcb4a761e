package dev.entrashell.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Assumptions;

/** Real certificates and key files for tests, made with BouncyCastle as openssl would make them. */
public final class TestCertificates {
    private TestCertificates() {}

    public record Issued(KeyPair keys, X509Certificate certificate) {
        public Thumbprint thumbprint() {
            return Thumbprint.of(certificate);
        }
    }

    public static Issued rsa(String cn, int bits) {
        return issue(
                cn,
                "RSA",
                bits,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
    }

    public static Issued issue(String cn, String algorithm, int bits, Instant notBefore, Instant notAfter) {
        String signature =
                switch (algorithm) {
                    case "EC" -> "SHA256withECDSA";
                    case "DSA" -> "SHA256withDSA";
                    default -> "SHA256withRSA";
                };
        return issue(cn, algorithm, bits, notBefore, notAfter, signature, null);
    }

    /**
     * A 2048-bit RSA certificate, valid now, signed with {@code signature} (such as SHA1withRSA) and with
     * the extended key usage given (none when null).
     */
    public static Issued rsa(String cn, String signature, KeyPurposeId extendedKeyUsage) {
        return issue(
                cn,
                "RSA",
                2048,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)),
                signature,
                extendedKeyUsage);
    }

    private static Issued issue(
            String cn,
            String algorithm,
            int bits,
            Instant notBefore,
            Instant notAfter,
            String signature,
            KeyPurposeId extendedKeyUsage) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + cn);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(64, new SecureRandom()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    name,
                    keys.getPublic());
            if (extendedKeyUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
            return new Issued(keys, certificate);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path writePfx(Issued issued, Path file, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", issued.keys().getPrivate(), password, new Certificate[] {issued.certificate()});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes.toByteArray());
    }

    /**
     * A password-less .pfx made by the openssl command, as users make them: {@code options} such as
     * {@code -keypbe NONE -certpbe NONE} (a key bag the JDK cannot read) are added to {@code openssl pkcs12
     * -export -passout pass:}. The test is skipped where openssl is not installed.
     */
    public static Path writePfxWithOpenssl(Issued issued, Path file, String... options) throws Exception {
        Path pem = writePem(issued, file.resolveSibling(file.getFileName() + ".in.pem"), "pkcs8", null);
        List<String> command = new ArrayList<>(List.of(
                "openssl", "pkcs12", "-export", "-in", pem.toString(), "-out", file.toString(), "-passout", "pass:"));
        command.addAll(List.of(options));
        Process openssl;
        try {
            openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            Assumptions.abort("openssl is not installed: " + notInstalled.getMessage());
            throw notInstalled;
        }
        String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (openssl.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + said);
        }
        Files.delete(pem);
        return file;
    }

    /** Certificate then key; {@code password} null writes an unencrypted key. */
    public static Path writePem(Issued issued, Path file, String keyFormat, char[] password) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(issued.certificate());
            switch (keyFormat) {
                case "pkcs8" -> {
                    OutputEncryptor encryptor = password == null
                            ? null
                            : new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                                    .setProvider(BouncyCastle.provider())
                                    .setPassword(password)
                                    .build();
                    PemObject key = new JcaPKCS8Generator(issued.keys().getPrivate(), encryptor).generate();
                    writer.writeObject(key);
                }
                case "pkcs1" ->
                    writer.writeObject(
                            issued.keys().getPrivate(),
                            password == null
                                    ? null
                                    : new JcePEMEncryptorBuilder("AES-256-CBC")
                                            .setProvider(BouncyCastle.provider())
                                            .build(password));
                default -> throw new IllegalArgumentException(keyFormat);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text.toString());
    }
}

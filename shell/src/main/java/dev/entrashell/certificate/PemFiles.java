package dev.entrashell.certificate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import dev.entrashell.errors.ShellException;

/**
 * PEM certificate files as {@code az} and OpenSSL write them: one or more {@code CERTIFICATE} blocks
 * and one private key, as PKCS#8 ({@code PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}) or PKCS#1
 * ({@code RSA PRIVATE KEY}, possibly with {@code Proc-Type: 4,ENCRYPTED}). Only this class touches
 * BouncyCastle's PEM parser.
 */
final class PemFiles {
    private PemFiles() {}

    static CertificateCredential load(Path file, byte[] content, Passwords passwords) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(content, StandardCharsets.US_ASCII)))) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                } else if (item instanceof PrivateKeyInfo
                        || item instanceof PEMKeyPair
                        || item instanceof PKCS8EncryptedPrivateKeyInfo
                        || item instanceof PEMEncryptedKeyPair) {
                    keys.add(item);
                }
            }
        } catch (IOException | CertificateException e) {
            throw new ShellException(file + " is not a readable PEM file: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new ShellException(file + " holds no certificate; a PEM file for --certificate needs the "
                    + "'BEGIN CERTIFICATE' block and its private key.");
        }
        if (keys.isEmpty()) {
            throw CertificateFiles.withoutPrivateKey(file);
        }
        if (keys.size() > 1) {
            throw new ShellException(file + " holds " + keys.size() + " private keys; keep exactly one.");
        }
        PrivateKey key = privateKey(file, keys.get(0), passwords);
        X509Certificate leaf = CertificateRequirements.certificateFor(key, certificates)
                .orElseThrow(() -> new ShellException("The private key in " + file + " does not belong to its "
                        + "certificate" + (certificates.size() > 1 ? "s" : "") + " ("
                        + certificates.get(0).getSubjectX500Principal()
                        + "); put the matching certificate and key together."));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        certificates.stream().filter(c -> c != leaf).forEach(chain::add);
        return new CertificateCredential(chain, key, file.toString());
    }

    private static PrivateKey privateKey(Path file, Object item, Passwords passwords) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (item instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            char[] password = password(file, passwords);
            if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return converter.getPrivateKey(
                        encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                .setProvider(BouncyCastle.provider())
                                .build(password)));
            }
            PEMEncryptedKeyPair legacy = (PEMEncryptedKeyPair) item;
            return converter
                    .getKeyPair(legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                            .setProvider(BouncyCastle.provider())
                            .build(password)))
                    .getPrivate();
        } catch (PKCSException | IOException e) {
            // PEMException (an IOException) and PKCSException both mean the password did not decrypt the key.
            throw ShellException.of("Cannot decrypt the private key in {}: the password is wrong.", file);
        } catch (OperatorCreationException e) {
            throw new ShellException("Cannot decrypt the private key in " + file + ": " + e.getMessage());
        }
    }

    private static char[] password(Path file, Passwords passwords) {
        return passwords
                .given()
                .or(() -> passwords.ask(file))
                .orElseThrow(() -> new ShellException(
                        "The private key in " + file + " is encrypted: give its password with --password-file FILE "
                                + "or --password-env VARIABLE."));
    }
}

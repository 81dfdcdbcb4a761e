package dev.entrashell.certificate;

import java.io.IOException;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Writes a certificate and its key as a password-protected PKCS#12 (.pfx) file. The key is encrypted
 * with AES-256-CBC (PBKDF2 with HMAC-SHA256) and the file carries a SHA-256 MAC, which the JDK, OpenSSL,
 * Windows and macOS read. The certificate itself is public and is left unencrypted, so that {@code cert
 * list} can show what the store holds without asking for every file's password; the JDK's own writer
 * cannot be told so per file, hence BouncyCastle.
 */
final class Pkcs12Writer {
    /** The JDK's default for PKCS#12 key protection and MAC. */
    private static final int ITERATIONS = 10_000;

    private Pkcs12Writer() {}

    static byte[] encode(CertificateCredential credential, String friendlyName, char[] password) {
        try {
            SubjectKeyIdentifier localKeyId = new JcaX509ExtensionUtils()
                    .createSubjectKeyIdentifier(credential.certificate().getPublicKey());
            OutputEncryptor keyEncryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                    .setIterationCount(ITERATIONS)
                    .setProvider(BouncyCastle.provider())
                    .build(password);
            PKCS12SafeBagBuilder certificate = new JcaPKCS12SafeBagBuilder(credential.certificate());
            PKCS12SafeBagBuilder key = new JcaPKCS12SafeBagBuilder(credential.privateKey(), keyEncryptor);
            for (PKCS12SafeBagBuilder bag : new PKCS12SafeBagBuilder[] {certificate, key}) {
                // the same local key id tells readers which certificate the key belongs to
                bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
                bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
            }
            return new PKCS12PfxPduBuilder()
                    .addData(certificate.build())
                    .addData(key.build())
                    .build(
                            new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                                    .setIterationCount(ITERATIONS)
                                    .setProvider(BouncyCastle.provider()),
                            password)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException | OperatorCreationException | PKCSException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write PKCS#12: " + e.getMessage(), e);
        }
    }
}

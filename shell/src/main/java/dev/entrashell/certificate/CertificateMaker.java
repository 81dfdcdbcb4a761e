package dev.entrashell.certificate;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-signed client certificate as Entra ID wants it: an RSA key, a SHA256withRSA signature,
 * key usage digitalSignature, extended key usage clientAuth, and no CA rights. BouncyCastle builds the
 * certificate (the JDK has no public API for it); this class is loaded on the first {@code cert new}
 * only, so the shell starts without BouncyCastle.
 */
final class CertificateMaker {
    /** 159 random bits: a positive serial of at most 20 octets with far more than RFC 5280's 64 bits of entropy. */
    private static final int SERIAL_BITS = 159;

    private CertificateMaker() {}

    static CertificateCredential selfSigned(X500Principal subject, int keyBits, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(keyBits, new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name name = X500Name.getInstance(subject.getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            name,
                            new BigInteger(SERIAL_BITS, new SecureRandom()),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            name,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new CertificateCredential(List.of(certificate), keys.getPrivate(), "new certificate");
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot make a certificate with the JDK's RSA: " + e.getMessage(), e);
        }
    }
}

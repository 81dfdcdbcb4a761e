package dev.entrashell.emulator.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
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
 * The only place that uses BouncyCastle: building X.509 certificates, which the JDK has no public
 * API for. Everything is signed SHA256withRSA (or, by an EC authority, SHA256withECDSA) by the
 * JDK's own providers.
 */
public final class Certificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {}

    /** A self-signed certificate authority that may sign end-entity certificates only. */
    public static X509Certificate certificateAuthority(KeyPair keys, String commonName, Instant from, Instant to) {
        X500Name name = new X500Name("CN=" + commonName);
        try {
            X509v3CertificateBuilder builder = builder(name, name, keys.getPublic(), from, to)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the CA certificate", e);
        }
    }

    /** A TLS server certificate for the loopback address, signed by the CA. */
    public static X509Certificate loopbackServer(CertificateAndKey ca, PublicKey serverKey, Instant from, Instant to) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(
                            X500Name.getInstance(
                                    ca.certificate().getSubjectX500Principal().getEncoded()),
                            new X500Name("CN=127.0.0.1"),
                            serverKey,
                            from,
                            to)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")
                    }))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(serverKey))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate()));
            return sign(builder, ca.privateKey());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the server certificate", e);
        }
    }

    /**
     * A self-signed client certificate of the kind Entra ID accepts as an app credential: RSA,
     * SHA-256, key usage digitalSignature, extended key usage clientAuth.
     */
    public static X509Certificate selfSignedClient(KeyPair keys, String commonName, Instant from, Instant to) {
        X500Name name = new X500Name("CN=" + commonName);
        try {
            X509v3CertificateBuilder builder = builder(name, name, keys.getPublic(), from, to)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the client certificate", e);
        }
    }

    /**
     * A certificate authority of an organisation's PKI: self-signed when {@code issuer} is null (a
     * root that may have one level of issuing authorities below it), else signed by {@code issuer}
     * (an issuing authority that signs end-entity certificates only).
     */
    public static X509Certificate organisationAuthority(
            CertificateAndKey issuer, KeyPair keys, String distinguishedName, Instant from, Instant to) {
        X500Name subject = new X500Name(distinguishedName);
        X500Name issuerName = issuer == null
                ? subject
                : X500Name.getInstance(
                        issuer.certificate().getSubjectX500Principal().getEncoded());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(issuerName, subject, keys.getPublic(), from, to)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null ? 1 : 0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null) {
                builder.addExtension(
                        Extension.authorityKeyIdentifier,
                        false,
                        extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            return sign(builder, issuer == null ? keys.getPrivate() : issuer.privateKey());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the authority certificate", e);
        }
    }

    /**
     * A client authentication certificate issued by an authority, as an enterprise PKI issues them
     * for subject name and issuer authentication: RSA, key usage digitalSignature, extended key
     * usage clientAuth, the subject's common name also as a DNS alternative name when it is one.
     *
     * @param distinguishedName the subject, e.g. {@code CN=app.contoso.com}
     */
    public static X509Certificate issuedClient(
            CertificateAndKey issuer, PublicKey key, String distinguishedName, Instant from, Instant to) {
        X500Name subject = new X500Name(distinguishedName);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(
                            X500Name.getInstance(issuer.certificate()
                                    .getSubjectX500Principal()
                                    .getEncoded()),
                            subject,
                            key,
                            from,
                            to)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            String commonName = commonName(subject);
            if (commonName != null && commonName.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, commonName)));
            }
            return sign(builder, issuer.privateKey());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the client certificate", e);
        }
    }

    private static String commonName(X500Name name) {
        RDN[] names = name.getRDNs(BCStyle.CN);
        return names.length == 0
                ? null
                : IETFUtils.valueToString(names[0].getFirst().getValue());
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, PublicKey key, Instant from, Instant to) {
        // A positive 127-bit serial: unique without bookkeeping, within RFC 5280's 20 octets.
        BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(
                                    "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA")
                            .build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}

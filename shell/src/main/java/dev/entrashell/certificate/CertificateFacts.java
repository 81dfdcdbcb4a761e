package dev.entrashell.certificate;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a certificate says about itself, in the words {@code cert show} uses, read with the JDK alone so
 * that listing a store never loads BouncyCastle.
 */
public final class CertificateFacts {
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private static final Map<String, String> PURPOSES = Map.of(
            "1.3.6.1.5.5.7.3.1",
            "serverAuth",
            CLIENT_AUTH,
            "clientAuth",
            "1.3.6.1.5.5.7.3.3",
            "codeSigning",
            "1.3.6.1.5.5.7.3.4",
            "emailProtection",
            "1.3.6.1.5.5.7.3.8",
            "timeStamping",
            "1.3.6.1.5.5.7.3.9",
            "OCSPSigning",
            ANY_EXTENDED_KEY_USAGE,
            "anyExtendedKeyUsage");
    /** RFC 5280's KeyUsage bits, in bit order. */
    private static final List<String> KEY_USAGES = List.of(
            "digitalSignature",
            "nonRepudiation",
            "keyEncipherment",
            "dataEncipherment",
            "keyAgreement",
            "keyCertSign",
            "cRLSign",
            "encipherOnly",
            "decipherOnly");

    private CertificateFacts() {}

    /** The SHA-256 thumbprint in upper-case hex, as MSAL sends it (base64) in x5t#S256. */
    public static String sha256Thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash certificate", e);
        }
    }

    public static String serialNumber(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    /** RSA, EC, DSA, or what the JDK calls the key. */
    public static String keyAlgorithm(X509Certificate certificate) {
        return certificate.getPublicKey().getAlgorithm();
    }

    /** The key's size in bits, when the JDK can tell it. */
    public static OptionalInt keyBits(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAKey rsa) {
            return OptionalInt.of(rsa.getModulus().bitLength());
        }
        if (key instanceof ECKey ec) {
            return OptionalInt.of(ec.getParams().getOrder().bitLength());
        }
        if (key instanceof DSAKey dsa && dsa.getParams() != null) {
            return OptionalInt.of(dsa.getParams().getP().bitLength());
        }
        return OptionalInt.empty();
    }

    /** The signature algorithm, with the hash of an RSASSA-PSS signature spelled out, such as SHA256withRSA. */
    public static String signatureAlgorithm(X509Certificate certificate) {
        String name = certificate.getSigAlgName();
        if (!name.equalsIgnoreCase("RSASSA-PSS")) {
            return name;
        }
        return pssDigest(certificate).map(digest -> "RSASSA-PSS with " + digest).orElse(name);
    }

    private static Optional<String> pssDigest(X509Certificate certificate) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(certificate.getSigAlgParams());
            return Optional.of(
                    parameters.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm());
        } catch (GeneralSecurityException | java.io.IOException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The key usage bits that are set, by name; empty when the certificate has no key usage extension. */
    public static Optional<List<String>> keyUsages(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        if (bits == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bits.length && i < KEY_USAGES.size(); i++) {
            if (bits[i]) {
                names.add(KEY_USAGES.get(i));
            }
        }
        return Optional.of(names);
    }

    /**
     * The extended key usages as OIDs; empty when the certificate has no such extension (RFC 5280: any
     * purpose), an empty list when it cannot be read.
     */
    public static Optional<List<String>> extendedKeyUsages(X509Certificate certificate) {
        try {
            return Optional.ofNullable(certificate.getExtendedKeyUsage()).map(List::copyOf);
        } catch (CertificateParsingException e) {
            return Optional.of(List.of());
        }
    }

    /** An OID as people know it: "clientAuth (1.3.6.1.5.5.7.3.2)", or the OID alone. */
    public static String purposeName(String oid) {
        String name = PURPOSES.get(oid);
        return name == null ? oid : name + " (" + oid + ")";
    }
}

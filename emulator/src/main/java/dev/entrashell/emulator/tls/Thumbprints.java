package dev.entrashell.emulator.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Certificate thumbprints: digests of the DER encoding, as Entra and Windows compute them. */
public final class Thumbprints {
    private Thumbprints() {}

    public static byte[] sha1(X509Certificate certificate) {
        return digest("SHA-1", der(certificate));
    }

    public static byte[] sha256(X509Certificate certificate) {
        return digest("SHA-256", der(certificate));
    }

    /** 40 upper-case hex digits, the form the portal shows. */
    public static String sha1Hex(X509Certificate certificate) {
        return HexFormat.of().withUpperCase().formatHex(sha1(certificate));
    }

    public static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

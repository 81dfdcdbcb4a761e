package dev.entrashell.certificate;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A certificate's public part as files carry it: DER (.cer) and PEM text. Never a key. */
public final class CertificateEncodings {
    private CertificateEncodings() {}

    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    /** RFC 7468 text: 64-character base64 lines between BEGIN and END CERTIFICATE. */
    public static String pem(X509Certificate certificate) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der(certificate));
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }
}

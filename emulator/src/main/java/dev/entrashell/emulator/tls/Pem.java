package dev.entrashell.emulator.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text (RFC 7468) with the JDK alone: the blocks this emulator writes and reads back. */
public final class Pem {
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String PRIVATE_KEY = "PRIVATE KEY";

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    /** One decoded PEM block. */
    public record Block(String type, byte[] der) {}

    private Pem() {}

    public static String encode(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    public static String encode(X509Certificate certificate) {
        try {
            return encode(CERTIFICATE, certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unencrypted PKCS#8 {@code PRIVATE KEY} block. */
    public static String encode(PrivateKey key) {
        return encode(PRIVATE_KEY, key.getEncoded());
    }

    public static List<Block> decode(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
            blocks.add(new Block(matcher.group(1), der));
        }
        return blocks;
    }

    public static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    public static PrivateKey rsaPrivateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** The first certificate and first private key of a PEM text, or an exception naming what is missing. */
    public static CertificateAndKey certificateAndKey(String text) throws GeneralSecurityException {
        X509Certificate certificate = null;
        PrivateKey key = null;
        for (Block block : decode(text)) {
            if (certificate == null && block.type().equals(CERTIFICATE)) {
                certificate = certificate(block.der());
            } else if (key == null && block.type().equals(PRIVATE_KEY)) {
                key = rsaPrivateKey(block.der());
            }
        }
        if (certificate == null || key == null) {
            throw new GeneralSecurityException("PEM text lacks a CERTIFICATE or a PRIVATE KEY block");
        }
        return new CertificateAndKey(certificate, key);
    }
}

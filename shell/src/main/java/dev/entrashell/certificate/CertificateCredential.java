package dev.entrashell.certificate;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate with its private key, ready to sign client assertions. {@code chain} starts with the
 * certificate itself; {@code source} says where it was found, for messages.
 */
public record CertificateCredential(List<X509Certificate> chain, PrivateKey privateKey, String source) {

    public CertificateCredential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public Thumbprint thumbprint() {
        return Thumbprint.of(certificate());
    }

    public String subject() {
        return certificate().getSubjectX500Principal().getName();
    }

    /** Never the key: records print their fields, and this one holds a private key. */
    @Override
    public String toString() {
        return "CertificateCredential[" + thumbprint() + ", " + subject() + ", " + source + "]";
    }
}

package dev.entrashell.emulator.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate with the private key of its public key. */
public record CertificateAndKey(X509Certificate certificate, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "CertificateAndKey[" + certificate.getSubjectX500Principal() + "]";
    }
}

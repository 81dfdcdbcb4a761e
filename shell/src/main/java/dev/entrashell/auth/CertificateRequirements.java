package dev.entrashell.auth;

import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import dev.entrashell.ShellException;

/**
 * What Entra ID needs of a client certificate, checked before any network call so the user gets the
 * real reason instead of an AADSTS code: an RSA key (MSAL signs RS256) of at least 2048 bits, the key
 * that belongs to the certificate, and a certificate within its validity dates.
 */
final class CertificateRequirements {
    private static final int MIN_RSA_BITS = 2048;

    private CertificateRequirements() {}

    static void check(CertificateCredential credential) {
        X509Certificate certificate = credential.certificate();
        PrivateKey key = credential.privateKey();
        String where = credential.source();
        // The certificate's public key says what the key is: keys held by an OS store (Windows CAPI,
        // the macOS keychain) are handles that do not expose their modulus.
        if (!"RSA".equals(key.getAlgorithm()) || !(certificate.getPublicKey() instanceof RSAKey rsa)) {
            throw new ShellException("The certificate in " + where + " has a "
                    + certificate.getPublicKey().getAlgorithm()
                    + " key; Entra ID client certificates need an RSA key (2048 bits or more). Make one with "
                    + "'cert new' or openssl req -newkey rsa:2048.");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new ShellException("The key in " + where + " has " + bits + " bits; Entra ID needs RSA keys of "
                    + MIN_RSA_BITS + " bits or more. Make a new certificate.");
        }
        if (key instanceof RSAKey && certificateFor(key, List.of(certificate)).isEmpty()) {
            throw new ShellException("The private key in " + where + " does not belong to its certificate "
                    + certificate.getSubjectX500Principal() + ".");
        }
        try {
            certificate.checkValidity(new Date());
        } catch (CertificateExpiredException e) {
            throw new ShellException(
                    "The certificate " + Thumbprint.of(certificate) + " (" + certificate.getSubjectX500Principal()
                            + ") in " + where + " expired on "
                            + certificate.getNotAfter().toInstant()
                            + "; make a new one and upload it to the app registration.");
        } catch (CertificateNotYetValidException e) {
            throw new ShellException(
                    "The certificate " + Thumbprint.of(certificate) + " in " + where + " is not valid before "
                            + certificate.getNotBefore().toInstant() + "; check the clock or the certificate.");
        }
    }

    /** The certificate whose RSA public key has the same modulus as the private key, if any. */
    static Optional<X509Certificate> certificateFor(PrivateKey key, List<X509Certificate> certificates) {
        if (!(key instanceof RSAKey rsa)) {
            return certificates.stream().findFirst();
        }
        return certificates.stream()
                .filter(c -> c.getPublicKey() instanceof RSAPublicKey pub
                        && pub.getModulus().equals(rsa.getModulus()))
                .findFirst();
    }
}

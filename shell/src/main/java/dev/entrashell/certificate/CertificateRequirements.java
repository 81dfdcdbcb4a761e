package dev.entrashell.certificate;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.entrashell.certificate.CertificateCheck.Requirement;
import dev.entrashell.errors.ShellException;

/**
 * What Entra ID asks of a client certificate: an RSA key (MSAL signs RS256) of at least 2048 bits, a
 * SHA-256 (or stronger) signature, usages that allow signing for client authentication, validity dates
 * around now, and the private key at hand. {@code cert list} and {@code cert show} report every
 * requirement; {@code connect} refuses, before any network call, what the sign-in itself would refuse
 * (the key and the dates), so the user gets the real reason instead of an AADSTS code.
 */
public final class CertificateRequirements {
    private static final int MIN_RSA_BITS = 2048;
    private static final String MAKE_NEW = "make a new certificate with 'cert new'";

    private CertificateRequirements() {}

    /** Every requirement, in order; {@code hasPrivateKey} says whether the key is where the certificate is. */
    public static List<CertificateCheck> evaluate(X509Certificate certificate, boolean hasPrivateKey, Instant now) {
        return List.of(
                key(certificate),
                signature(certificate),
                keyUsage(certificate),
                extendedKeyUsage(certificate),
                validity(certificate, now),
                privateKey(hasPrivateKey));
    }

    /** What connect checks before signing in: the key, that the key belongs to the certificate, the dates. */
    static void check(CertificateCredential credential) {
        X509Certificate certificate = credential.certificate();
        PrivateKey key = credential.privateKey();
        String where = credential.source();
        // The certificate's public key says what the key is: keys held by an OS store (Windows CAPI,
        // the macOS keychain) are handles that do not expose their modulus.
        CertificateCheck keyCheck = key(certificate);
        if (!keyCheck.passed() || !"RSA".equals(key.getAlgorithm())) {
            throw new ShellException("The certificate in " + where + " cannot sign in: "
                    + (keyCheck.passed() ? key.getAlgorithm() + " private key" : keyCheck.finding()) + "; "
                    + keyAdvice() + " (or openssl req -newkey rsa:2048).");
        }
        if (key instanceof RSAKey && certificateFor(key, List.of(certificate)).isEmpty()) {
            throw new ShellException("The private key in " + where + " does not belong to its certificate "
                    + certificate.getSubjectX500Principal() + ".");
        }
        CertificateCheck dates = validity(certificate, Instant.now());
        if (!dates.passed()) {
            throw new ShellException("The certificate " + Thumbprint.of(certificate) + " ("
                    + certificate.getSubjectX500Principal() + ") in " + where + " cannot sign in: " + dates.finding()
                    + "; " + dates.advice() + ".");
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

    static CertificateCheck key(X509Certificate certificate) {
        String algorithm = CertificateFacts.keyAlgorithm(certificate);
        if (!(certificate.getPublicKey() instanceof RSAKey rsa)) {
            return CertificateCheck.fail(Requirement.KEY, algorithm + " key", keyAdvice());
        }
        int bits = rsa.getModulus().bitLength();
        String finding = "RSA key of " + bits + " bits";
        return bits < MIN_RSA_BITS
                ? CertificateCheck.fail(Requirement.KEY, finding, keyAdvice())
                : CertificateCheck.ok(Requirement.KEY, finding);
    }

    private static String keyAdvice() {
        return "Entra ID client certificates need an RSA key of " + MIN_RSA_BITS + " bits or more: " + MAKE_NEW;
    }

    /** SHA-1 and MD5 signatures are refused by current tooling and policy; SHA-256 is what Entra documents. */
    static CertificateCheck signature(X509Certificate certificate) {
        String algorithm = CertificateFacts.signatureAlgorithm(certificate);
        String hash = algorithm.toUpperCase(Locale.ROOT).replace("-", "");
        boolean weak = hash.startsWith("MD") || hash.startsWith("SHA1") || hash.endsWith("WITH SHA1");
        String finding = "signed with " + algorithm;
        return weak
                ? CertificateCheck.fail(
                        Requirement.SIGNATURE, finding, "Entra ID asks for SHA-256 or stronger: " + MAKE_NEW)
                : CertificateCheck.ok(Requirement.SIGNATURE, finding);
    }

    /** Without the extension any use is allowed (RFC 5280); with it, signing needs digitalSignature. */
    static CertificateCheck keyUsage(X509Certificate certificate) {
        Optional<List<String>> usages = CertificateFacts.keyUsages(certificate);
        if (usages.isEmpty()) {
            return CertificateCheck.ok(Requirement.KEY_USAGE, "no key usage extension (any use allowed)");
        }
        String listed = usages.get().isEmpty() ? "none" : String.join(", ", usages.get());
        return usages.get().contains("digitalSignature")
                ? CertificateCheck.ok(Requirement.KEY_USAGE, listed)
                : CertificateCheck.fail(
                        Requirement.KEY_USAGE,
                        listed + " without digitalSignature",
                        "signing client assertions needs digitalSignature: " + MAKE_NEW);
    }

    /** Without the extension any purpose is allowed (RFC 5280); with it, clientAuth must be one. */
    static CertificateCheck extendedKeyUsage(X509Certificate certificate) {
        Optional<List<String>> purposes = CertificateFacts.extendedKeyUsages(certificate);
        if (purposes.isEmpty()) {
            return CertificateCheck.ok(
                    Requirement.EXTENDED_KEY_USAGE, "no extended key usage extension (any purpose allowed)");
        }
        String listed = purposes.get().isEmpty()
                ? "unreadable"
                : String.join(
                        ", ",
                        purposes.get().stream()
                                .map(CertificateFacts::purposeName)
                                .toList());
        boolean client = purposes.get().contains(CertificateFacts.CLIENT_AUTH)
                || purposes.get().contains(CertificateFacts.ANY_EXTENDED_KEY_USAGE);
        return client
                ? CertificateCheck.ok(Requirement.EXTENDED_KEY_USAGE, listed)
                : CertificateCheck.fail(
                        Requirement.EXTENDED_KEY_USAGE,
                        listed + " without clientAuth",
                        "a client credential needs clientAuth (" + CertificateFacts.CLIENT_AUTH + "): " + MAKE_NEW);
    }

    static CertificateCheck validity(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return CertificateCheck.fail(
                    Requirement.VALIDITY,
                    "expired on " + notAfter,
                    MAKE_NEW + " and upload its .cer to the app registration");
        }
        if (now.isBefore(notBefore)) {
            return CertificateCheck.fail(
                    Requirement.VALIDITY,
                    "not valid before " + notBefore,
                    "check this computer's clock, or wait until then");
        }
        long days = Duration.between(now, notAfter).toDays();
        return CertificateCheck.ok(
                Requirement.VALIDITY, "valid until " + notAfter + " (" + days + (days == 1 ? " day)" : " days)"));
    }

    static CertificateCheck privateKey(boolean present) {
        return present
                ? CertificateCheck.ok(Requirement.PRIVATE_KEY, "present")
                : CertificateCheck.fail(
                        Requirement.PRIVATE_KEY,
                        "not here",
                        "connect signs with the private key: use the .pfx, or a .pem with the key appended "
                                + "(a .cer alone is what the app registration gets)");
    }
}

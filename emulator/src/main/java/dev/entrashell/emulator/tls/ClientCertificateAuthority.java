package dev.entrashell.emulator.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A small enterprise PKI for client certificates: a root authority and an issuing authority below
 * it, which issues client certificates for any subject. The emulator's demo tenant trusts the
 * emulator's own one for subject name and issuer authentication; a test can make another, which the
 * tenant does not trust unless told to.
 *
 * <p>Separate from the emulator's TLS {@link CertificateAuthority}: a client that trusts the
 * emulator's servers does not thereby trust the client certificates, nor the reverse.
 */
public final class ClientCertificateAuthority {
    private static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
    private static final Duration ISSUING_VALIDITY = Duration.ofDays(1825);
    private static final Duration CLIENT_VALIDITY = Duration.ofDays(365);
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final CertificateAndKey root;
    private final CertificateAndKey issuing;

    private ClientCertificateAuthority(CertificateAndKey root, CertificateAndKey issuing) {
        this.root = root;
        this.issuing = issuing;
    }

    /**
     * A new root ({@code CN={name} Root CA}) and issuing authority ({@code CN={name} Issuing CA 01}),
     * valid from an hour before {@code now}.
     *
     * @param organisation e.g. {@code Contoso Demo}; becomes the {@code O} of both names
     */
    public static ClientCertificateAuthority create(String organisation, Instant now) {
        Instant from = now.minus(BACKDATE);
        KeyPair rootKeys = ecKeys();
        X509Certificate rootCertificate = Certificates.organisationAuthority(
                null, rootKeys, "CN=" + organisation + " Root CA, O=" + organisation, from, from.plus(ROOT_VALIDITY));
        CertificateAndKey root = new CertificateAndKey(rootCertificate, rootKeys.getPrivate());
        KeyPair issuingKeys = ecKeys();
        X509Certificate issuingCertificate = Certificates.organisationAuthority(
                root,
                issuingKeys,
                "CN=" + organisation + " Issuing CA 01, O=" + organisation,
                from,
                from.plus(ISSUING_VALIDITY));
        return new ClientCertificateAuthority(
                root, new CertificateAndKey(issuingCertificate, issuingKeys.getPrivate()));
    }

    /**
     * The authorities' keys are EC P-256 (as many enterprise PKIs now use), which take
     * milliseconds to make where RSA takes a third of a second; the client keys they certify are
     * RSA, which MSAL4J's RS256 signing requires.
     */
    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is a required JDK algorithm", e);
        }
    }

    /** The trust anchor a tenant trusts. */
    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public X509Certificate issuingCertificate() {
        return issuing.certificate();
    }

    /** A client certificate valid for a year from an hour before {@code now}. */
    public IssuedClientCertificate issue(String subjectDistinguishedName, Instant now) {
        Instant from = now.minus(BACKDATE);
        return issue(subjectDistinguishedName, from, from.plus(CLIENT_VALIDITY));
    }

    /**
     * A client certificate with explicit validity dates (an expired one, say).
     *
     * @param subjectDistinguishedName e.g. {@code CN=entra-shell-sni.contosodemo.onmicrosoft.com}
     */
    public IssuedClientCertificate issue(String subjectDistinguishedName, Instant notBefore, Instant notAfter) {
        KeyPair keys = RsaKeys.generate();
        X509Certificate leaf =
                Certificates.issuedClient(issuing, keys.getPublic(), subjectDistinguishedName, notBefore, notAfter);
        return new IssuedClientCertificate(List.of(leaf, issuing.certificate()), keys.getPrivate());
    }

    @Override
    public String toString() {
        return "ClientCertificateAuthority[" + root.certificate().getSubjectX500Principal() + "]";
    }
}

package dev.entrashell.emulator.directory;

import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * An entry of an application's {@code trustedCertificateSubjects} (subject name and issuer, "SN+I"):
 * the app accepts a client assertion signed with any certificate whose subject is this name and
 * whose chain, sent in the assertion's {@code x5c} header, leads to a certificate authority the
 * tenant trusts, so certificates can be renewed without registering each one.
 *
 * @param subjectName the certificate subject, a distinguished name such as {@code CN=app.contoso.com}
 * @param authorityId which trusted authority must have issued the chain: the id under which the
 *     tenant trusts it, or {@link #ANY_TRUSTED_AUTHORITY}
 */
public record TrustedCertificateSubject(String subjectName, String authorityId) {

    /** The manifest's authority id for "any certificate authority the tenant trusts". */
    public static final String ANY_TRUSTED_AUTHORITY = "00000000-0000-0000-0000-000000000001";

    public TrustedCertificateSubject {
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(authorityId, "authorityId");
        try {
            new X500Principal(subjectName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a distinguished name: " + subjectName, e);
        }
    }

    /** Issued by any authority the tenant trusts. */
    public static TrustedCertificateSubject of(String subjectName) {
        return new TrustedCertificateSubject(subjectName, ANY_TRUSTED_AUTHORITY);
    }

    /** Compares distinguished names as X.500 does: attribute order matters, case and spacing do not. */
    public boolean matches(X500Principal certificateSubject) {
        return new X500Principal(subjectName)
                .getName(X500Principal.CANONICAL)
                .equals(certificateSubject.getName(X500Principal.CANONICAL));
    }
}

package dev.entrashell.certificate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as {@code cert list} and {@code cert show} report it: where it is, whether its private
 * key is there, and how it fares against each of Entra ID's requirements.
 *
 * @param location the file, or the OS store and alias
 */
public record CertificateReport(
        X509Certificate certificate, String location, boolean hasPrivateKey, List<CertificateCheck> checks) {

    public CertificateReport {
        checks = List.copyOf(checks);
    }

    static CertificateReport of(X509Certificate certificate, String location, boolean hasPrivateKey, Instant now) {
        return new CertificateReport(
                certificate,
                location,
                hasPrivateKey,
                CertificateRequirements.evaluate(certificate, hasPrivateKey, now));
    }

    public Thumbprint thumbprint() {
        return Thumbprint.of(certificate);
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    /** Whether every requirement passed: Entra ID takes it and connect can sign in with it. */
    public boolean acceptable() {
        return checks.stream().allMatch(CertificateCheck::passed);
    }

    public List<CertificateCheck> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }
}

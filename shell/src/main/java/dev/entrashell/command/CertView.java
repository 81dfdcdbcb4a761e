package dev.entrashell.command;

import java.security.cert.X509Certificate;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.certificate.CertificateCheck;
import dev.entrashell.certificate.CertificateFacts;
import dev.entrashell.certificate.CertificateReport;

/**
 * A certificate report as {@code cert list} (one row) and {@code cert show} (every fact and each
 * requirement's verdict) print it. Names are PascalCase, as the other shell objects and PowerShell's
 * certificate provider show them.
 */
final class CertView {
    private CertView() {}

    static JsonObject row(CertificateReport report) {
        X509Certificate certificate = report.certificate();
        JsonObject row = new JsonObject();
        row.addProperty("Thumbprint", report.thumbprint().hex());
        row.addProperty("Status", status(report));
        row.addProperty("Subject", report.subject());
        row.addProperty("NotAfter", certificate.getNotAfter().toInstant().toString());
        row.addProperty("Key", key(certificate));
        row.addProperty("HasPrivateKey", report.hasPrivateKey());
        JsonArray problems = new JsonArray();
        report.failures().forEach(check -> problems.add(check.requirement().label() + ": " + check.finding()));
        row.add("Problems", problems);
        row.addProperty("Location", report.location());
        return row;
    }

    static JsonObject details(CertificateReport report) {
        X509Certificate certificate = report.certificate();
        JsonObject details = new JsonObject();
        details.addProperty("Subject", report.subject());
        details.addProperty("Issuer", certificate.getIssuerX500Principal().getName());
        details.addProperty("Thumbprint", report.thumbprint().hex());
        details.addProperty("ThumbprintSHA256", CertificateFacts.sha256Thumbprint(certificate));
        details.addProperty("SerialNumber", CertificateFacts.serialNumber(certificate));
        details.addProperty("NotBefore", certificate.getNotBefore().toInstant().toString());
        details.addProperty("NotAfter", certificate.getNotAfter().toInstant().toString());
        details.addProperty("KeyAlgorithm", CertificateFacts.keyAlgorithm(certificate));
        CertificateFacts.keyBits(certificate).ifPresent(bits -> details.addProperty("KeySize", bits));
        details.addProperty("SignatureAlgorithm", CertificateFacts.signatureAlgorithm(certificate));
        details.add("KeyUsage", strings(CertificateFacts.keyUsages(certificate).orElse(List.of())));
        details.add(
                "ExtendedKeyUsage",
                strings(CertificateFacts.extendedKeyUsages(certificate).orElse(List.of()).stream()
                        .map(CertificateFacts::purposeName)
                        .toList()));
        details.addProperty("HasPrivateKey", report.hasPrivateKey());
        details.addProperty("Location", report.location());
        details.addProperty("Status", status(report));
        for (CertificateCheck check : report.checks()) {
            details.addProperty(check.requirement().label() + "Check", check.text());
        }
        return details;
    }

    /** OK when Entra ID takes the certificate and connect can sign in with it; FAIL names what does not pass. */
    private static String status(CertificateReport report) {
        return report.acceptable() ? "OK" : "FAIL";
    }

    private static String key(X509Certificate certificate) {
        return CertificateFacts.keyAlgorithm(certificate)
                + CertificateFacts.keyBits(certificate).stream()
                        .mapToObj(bits -> " " + bits)
                        .findFirst()
                        .orElse("");
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}

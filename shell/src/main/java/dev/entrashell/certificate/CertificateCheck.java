package dev.entrashell.certificate;

/**
 * One of Entra ID's requirements applied to one certificate: whether it passed, what was found, and,
 * when it failed, what to do.
 *
 * @param finding what the certificate has, such as "RSA key of 2048 bits" or "expired on ..."
 * @param advice empty when passed; otherwise why it fails and the fix
 */
public record CertificateCheck(Requirement requirement, boolean passed, String finding, String advice) {

    /** What Entra ID asks of a client certificate, in the order {@code cert show} lists them. */
    public enum Requirement {
        KEY("Key"),
        SIGNATURE("Signature"),
        KEY_USAGE("KeyUsage"),
        EXTENDED_KEY_USAGE("ExtendedKeyUsage"),
        VALIDITY("Validity"),
        PRIVATE_KEY("PrivateKey");

        private final String label;

        Requirement(String label) {
            this.label = label;
        }

        /** The name {@code cert list} and {@code cert show} print. */
        public String label() {
            return label;
        }
    }

    static CertificateCheck ok(Requirement requirement, String finding) {
        return new CertificateCheck(requirement, true, finding, "");
    }

    static CertificateCheck fail(Requirement requirement, String finding, String advice) {
        return new CertificateCheck(requirement, false, finding, advice);
    }

    /** "OK: finding" or "FAIL: finding; advice". */
    public String text() {
        return passed ? "OK: " + finding : "FAIL: " + finding + "; " + advice;
    }
}

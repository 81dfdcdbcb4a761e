package dev.entrashell.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;

/** A certificate's SHA-1 thumbprint as Windows and Entra show it: 40 upper-case hex digits. */
public record Thumbprint(String hex) {

    public Thumbprint {
        if (!hex.matches("[0-9A-F]{40}")) {
            throw new IllegalArgumentException("not a normalised thumbprint");
        }
    }

    /**
     * Accepts what people paste: spaces, colons and invisible marks are removed (the certificate dialog
     * of Windows prefixes a U+200E mark to what it copies), case is ignored.
     */
    public static Thumbprint parse(String input) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || c == ':'
                    || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (!isAsciiHex(c)) {
                throw ShellException.usage("Thumbprint '" + Printable.of(input) + "' is not valid: character '" + c
                        + "' at position " + (i + 1) + " is not " + (Character.digit(c, 16) >= 0 ? "an ASCII" : "a")
                        + " hex digit. A thumbprint is the certificate's SHA-1 hash, 40 hex digits 0-9 and A-F "
                        + "(spaces and colons are ignored).");
            }
            digits.append(c);
        }
        if (digits.length() != 40) {
            throw ShellException.usage(
                    "Thumbprint '" + Printable.of(input) + "' is not valid: it has " + digits.length()
                            + " hex digits where a SHA-1 thumbprint has 40. Copy it again from 'cert list' or the portal's "
                            + "Certificates & secrets page.");
        }
        return new Thumbprint(digits.toString().toUpperCase(Locale.ROOT));
    }

    /**
     * Only 0-9, a-f, A-F: {@link Character#digit} also takes full-width and other scripts' digits, which
     * a thumbprint never holds and which upper-casing would not turn into ASCII.
     */
    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    public static Thumbprint of(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            return new Thumbprint(HexFormat.of().withUpperCase().formatHex(hash));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash certificate", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}

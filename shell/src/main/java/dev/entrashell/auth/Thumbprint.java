package dev.entrashell.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import dev.entrashell.ShellException;

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
            if (Character.digit(c, 16) < 0) {
                throw ShellException.usage("Thumbprint '" + printable(input) + "' is not valid: character '" + c
                        + "' at position " + (i + 1) + " is not a hex digit. A thumbprint is the certificate's "
                        + "SHA-1 hash, 40 hex digits (spaces and colons are ignored).");
            }
            digits.append(c);
        }
        if (digits.length() != 40) {
            throw ShellException.usage("Thumbprint '" + printable(input) + "' is not valid: it has " + digits.length()
                    + " hex digits where a SHA-1 thumbprint has 40. Copy it again from 'cert list' or the portal's "
                    + "Certificates & secrets page.");
        }
        return new Thumbprint(digits.toString().toUpperCase(Locale.ROOT));
    }

    public static Thumbprint of(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            return new Thumbprint(HexFormat.of().withUpperCase().formatHex(hash));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash certificate", e);
        }
    }

    /** Shows invisible characters as escapes so the user can see why a pasted value was refused. */
    private static String printable(String input) {
        StringBuilder shown = new StringBuilder();
        input.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                shown.append(String.format("\\u%04X", cp));
            } else {
                shown.appendCodePoint(cp);
            }
        });
        return shown.toString();
    }

    @Override
    public String toString() {
        return hex;
    }
}

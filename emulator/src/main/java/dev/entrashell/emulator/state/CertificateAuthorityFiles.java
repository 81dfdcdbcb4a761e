package dev.entrashell.emulator.state;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;

import dev.entrashell.emulator.tls.CertificateAuthority;
import dev.entrashell.emulator.tls.Pem;

/**
 * Keeps the CA stable across restarts, so a client told once to trust {@code ca.pem} keeps working.
 * {@code ca-key.pem} holds the certificate and its private key; {@code ca.pem} (the certificate
 * alone) is rewritten on every start.
 */
public final class CertificateAuthorityFiles {
    public static final String KEY_FILE = "ca-key.pem";
    public static final String CERTIFICATE_FILE = "ca.pem";

    private CertificateAuthorityFiles() {}

    public static CertificateAuthority loadOrCreate(StateDirectory state) throws IOException {
        CertificateAuthority ca = null;
        if (state.exists(KEY_FILE)) {
            try {
                ca = new CertificateAuthority(Pem.certificateAndKey(state.readString(KEY_FILE)));
            } catch (GeneralSecurityException e) {
                throw new IOException(
                        state.path(KEY_FILE) + " is not a certificate and private key (" + e.getMessage()
                                + "); delete it to make a new CA",
                        e);
            }
        }
        if (ca == null || !ca.isUsableAt(Instant.now())) {
            ca = CertificateAuthority.create();
            state.write(
                    KEY_FILE,
                    Pem.encode(ca.certificate()) + Pem.encode(ca.identity().privateKey()));
        }
        state.write(CERTIFICATE_FILE, Pem.encode(ca.certificate()));
        return ca;
    }
}

package dev.entrashell.emulator.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;

import dev.entrashell.emulator.demo.DemoCredentials;
import dev.entrashell.emulator.directory.ClientSecrets;
import dev.entrashell.emulator.tls.CertificateAndKey;
import dev.entrashell.emulator.tls.Pem;

/**
 * The demo app's credentials on disk, in the forms clients load: a PKCS#12 file with its password
 * beside it, a PEM file (certificate, then unencrypted PKCS#8 key), the DER certificate for upload,
 * and the client secret. Existing files are reused so the thumbprint and the secret stay the same
 * from run to run; the text files have no trailing newline so that {@code curl --data-urlencode
 * client_secret@demo-app.secret} sends exactly the secret.
 */
public final class DemoAppFiles {
    public static final String PFX_FILE = "demo-app.pfx";
    public static final String PFX_PASSWORD_FILE = "demo-app.pfx.password";
    public static final String PEM_FILE = "demo-app.pem";
    public static final String CER_FILE = "demo-app.cer";
    public static final String SECRET_FILE = "demo-app.secret";

    private static final String PFX_ALIAS = "entra-shell-demo";
    /** A certificate with less than this left is replaced, so a demo never starts with a dying key. */
    private static final Duration MINIMUM_REMAINING_VALIDITY = Duration.ofDays(1);

    private DemoAppFiles() {}

    public static DemoCredentials loadOrCreate(StateDirectory state, Clock clock) throws IOException {
        String secret =
                state.exists(SECRET_FILE) ? state.readString(SECRET_FILE).strip() : "";
        if (secret.isEmpty()) {
            secret = ClientSecrets.generate();
            state.write(SECRET_FILE, secret);
        }

        char[] password = null;
        CertificateAndKey identity = null;
        if (state.exists(PFX_FILE) && state.exists(PFX_PASSWORD_FILE)) {
            password = state.readString(PFX_PASSWORD_FILE).strip().toCharArray();
            identity = readPkcs12OrNull(state.readBytes(PFX_FILE), password);
        }
        boolean pfxUsable = identity != null && stillValid(identity, clock);
        if (!pfxUsable && state.exists(PEM_FILE)) {
            identity = readPemOrNull(state.readString(PEM_FILE));
        }
        boolean fresh = identity == null || !stillValid(identity, clock);
        if (fresh) {
            identity = DemoCredentials.generateIdentity(clock);
        }
        if (fresh || !pfxUsable) {
            password = ClientSecrets.password();
            state.write(PFX_PASSWORD_FILE, new String(password));
            state.write(PFX_FILE, pkcs12(identity, password));
        }
        if (fresh || !state.exists(PEM_FILE)) {
            state.write(PEM_FILE, Pem.encode(identity.certificate()) + Pem.encode(identity.privateKey()));
        }
        if (fresh || !state.exists(CER_FILE)) {
            state.write(CER_FILE, der(identity.certificate()));
        }
        return new DemoCredentials(identity, secret, password);
    }

    /** A PKCS#12 holding exactly one key entry (MSAL4J refuses files with several). */
    public static byte[] pkcs12(CertificateAndKey identity, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(PFX_ALIAS, identity.privateKey(), password, new Certificate[] {identity.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the demo PKCS#12 file", e);
        }
    }

    private static CertificateAndKey readPkcs12OrNull(byte[] pfx, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pfx), password);
            for (String alias : Collections.list(store.aliases())) {
                Key key = store.getKey(alias, password);
                if (key instanceof PrivateKey privateKey
                        && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return new CertificateAndKey(certificate, privateKey);
                }
            }
            return null;
        } catch (GeneralSecurityException | IOException e) {
            return null; // unreadable or wrong password: fall back to the PEM file or a new key
        }
    }

    private static CertificateAndKey readPemOrNull(String pem) {
        try {
            return Pem.certificateAndKey(pem);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static boolean stillValid(CertificateAndKey identity, Clock clock) {
        Instant now = clock.instant();
        X509Certificate certificate = identity.certificate();
        return !now.isBefore(certificate.getNotBefore().toInstant())
                && now.plus(MINIMUM_REMAINING_VALIDITY)
                        .isBefore(certificate.getNotAfter().toInstant());
    }

    private static byte[] der(X509Certificate certificate) throws IOException {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}

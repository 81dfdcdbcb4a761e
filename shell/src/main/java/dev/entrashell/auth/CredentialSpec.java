package dev.entrashell.auth;

import java.nio.file.Path;

/** The one credential form a {@code connect} line chose. */
public sealed interface CredentialSpec {

    /** {@code --certificate FILE}: a .pfx/.p12 or PEM file holding the certificate and its key. */
    record CertificateFile(Path file, Passwords passwords) implements CredentialSpec {}

    /** {@code --thumbprint HEX [--store STORE]}: a certificate found by thumbprint in the stores. */
    record CertificateThumbprint(Thumbprint thumbprint, String store, Passwords passwords) implements CredentialSpec {}
}

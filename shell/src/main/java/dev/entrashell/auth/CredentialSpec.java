package dev.entrashell.auth;

import java.nio.file.Path;

import dev.entrashell.certificate.Passwords;
import dev.entrashell.certificate.Thumbprint;

/** The one credential form a {@code connect} line chose. */
public sealed interface CredentialSpec {

    /** {@code --certificate FILE}: a .pfx/.p12 or PEM file holding the certificate and its key. */
    record CertificateFile(Path file, Passwords passwords) implements CredentialSpec {}

    /** {@code --thumbprint HEX [--store STORE]}: a certificate found by thumbprint in the stores. */
    record CertificateThumbprint(Thumbprint thumbprint, String store, Passwords passwords) implements CredentialSpec {}

    /** {@code --subject-name NAME [--store STORE]}: the newest valid certificate with that subject. */
    record CertificateSubject(String subject, String store, Passwords passwords) implements CredentialSpec {}

    /** {@code --secret}, {@code --secret-file}, {@code --secret-env}: a client secret. */
    record ClientSecret(char[] secret) implements CredentialSpec {
        @Override
        public String toString() {
            return "ClientSecret[***]";
        }
    }

    /** {@code --access-token}, {@code --access-token-file}, {@code --access-token-env}: a token used as given. */
    record AccessTokenGiven(char[] token) implements CredentialSpec {
        @Override
        public String toString() {
            return "AccessTokenGiven[***]";
        }
    }

    /** {@code --federated-token-file F}: an external token used as the client assertion, read anew each time. */
    record FederatedTokenFile(Path file) implements CredentialSpec {}

    /** {@code --identity}: the host's managed identity; {@code id} is null for the system-assigned one. */
    record ManagedIdentity(ManagedIdentityKind kind, String id) implements CredentialSpec {}

    /** How a user-assigned managed identity is named, or that the system-assigned one is meant. */
    enum ManagedIdentityKind {
        SYSTEM_ASSIGNED,
        CLIENT_ID,
        OBJECT_ID,
        RESOURCE_ID
    }
}

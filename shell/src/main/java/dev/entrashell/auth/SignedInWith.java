package dev.entrashell.auth;

import java.time.Instant;

import dev.entrashell.certificate.CertificateCredential;

/**
 * What a session signed in with, as {@code context} describes it: the credential's type, and the
 * certificate (with its key, which {@code cert rotate} proves possession with) or the managed identity
 * where they apply. Never a secret.
 */
public record SignedInWith(CredentialType type, CertificateCredential certificate, String managedIdentityId) {

    static SignedInWith certificate(CertificateCredential certificate) {
        return new SignedInWith(CredentialType.ClientCertificate, certificate, null);
    }

    static SignedInWith managedIdentity(String id) {
        return new SignedInWith(CredentialType.ManagedIdentity, null, id == null ? "SystemAssigned" : id);
    }

    static SignedInWith only(CredentialType type) {
        return new SignedInWith(type, null, null);
    }

    public String certificateThumbprint() {
        return certificate == null ? null : certificate.thumbprint().hex();
    }

    public String certificateSubjectName() {
        return certificate == null ? null : certificate.subject();
    }

    public Instant certificateExpiresOn() {
        return certificate == null
                ? null
                : certificate.certificate().getNotAfter().toInstant();
    }
}

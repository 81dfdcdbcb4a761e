package dev.entrashell.auth;

import java.time.Instant;

import dev.entrashell.certificate.CertificateCredential;

/**
 * What a session signed in with, as {@code context} describes it: the credential's type; for a
 * certificate, the {@link CertificateCredential} itself, private key included, because
 * {@code cert rotate} signs its proof of possession with that key; for a managed identity, the id it
 * was named by. It holds no client secret, password or token. The key never shows:
 * {@code CertificateCredential}'s {@code toString} prints only the thumbprint, subject and source, so
 * this record's does too, and {@code context} shows only the type, thumbprint, subject, expiry and id.
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

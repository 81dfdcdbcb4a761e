package dev.entrashell.auth;

import java.time.Instant;

import dev.entrashell.certificate.CertificateCredential;
import dev.entrashell.net.HttpStack;
import dev.entrashell.session.Environment;

/**
 * One app-only connection: who signed in where and how, and the means to get its tokens and make its
 * calls. {@code appName} is the token's {@code app_displayname} at connect time; {@code signedInWith}
 * describes the credential for {@code context} and keeps a certificate's key for {@code cert rotate}
 * (client secrets and tokens stay inside the token source).
 */
public record Connection(
        String tenant,
        String clientId,
        String appName,
        Environment environment,
        SignedInWith signedInWith,
        boolean sendCertificateChain,
        TokenSource tokens,
        HttpStack http) {

    public CredentialType credentialType() {
        return signedInWith.type();
    }

    public String certificateThumbprint() {
        return signedInWith.certificateThumbprint();
    }

    public String certificateSubjectName() {
        return signedInWith.certificateSubjectName();
    }

    public Instant certificateExpiresOn() {
        return signedInWith.certificateExpiresOn();
    }

    public String managedIdentityId() {
        return signedInWith.managedIdentityId();
    }

    /** The certificate and key the app signs in with (null for other credentials), for {@code cert rotate}. */
    public CertificateCredential certificate() {
        return signedInWith.certificate();
    }
}

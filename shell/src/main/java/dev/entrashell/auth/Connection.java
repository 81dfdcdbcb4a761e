package dev.entrashell.auth;

import java.time.Instant;

import dev.entrashell.certificate.CertificateCredential;
import dev.entrashell.net.HttpStack;
import dev.entrashell.session.Environment;

/**
 * One app-only connection: who signed in where and how, and the means to get its tokens and make its
 * calls. {@code appName} is the token's {@code app_displayname} at connect time. The credential fields
 * are descriptions for {@code context} (null where they do not apply); secrets stay inside the token
 * source. {@code certificate} is the certificate and key the app signs in with (null for other
 * credentials), which {@code cert rotate} proves possession with.
 */
public record Connection(
        String tenant,
        String clientId,
        String appName,
        Environment environment,
        CredentialType credentialType,
        String certificateThumbprint,
        String certificateSubjectName,
        Instant certificateExpiresOn,
        boolean sendCertificateChain,
        String managedIdentityId,
        TokenSource tokens,
        HttpStack http,
        CertificateCredential certificate) {}

package dev.entrashell.auth;

import java.time.Duration;

/** Everything a {@code connect} line asked for, already parsed; the credential is one of the forms. */
public record ConnectRequest(
        String tenant,
        String clientId,
        String environment,
        CredentialSpec credential,
        boolean sendCertificateChain,
        Duration timeout) {}

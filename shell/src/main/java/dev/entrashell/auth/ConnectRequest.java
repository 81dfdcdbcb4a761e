package dev.entrashell.auth;

import java.time.Duration;

import dev.entrashell.session.Environments;

/**
 * Everything a {@code connect} line asked for, checked: the app (null for a managed identity and a
 * given token, which carry their own), the environment's name, the one credential, and the deadline of
 * each exchange. Made only by its factories, which refuse what cannot work before anything is sent.
 */
public record ConnectRequest(
        String tenant,
        String clientId,
        String environment,
        Credential credential,
        boolean sendCertificateChain,
        Duration timeout) {

    /** The longest deadline {@code --timeout} takes: an hour. */
    private static final int MOST_SECONDS = 3600;

    /** An app registration signing in with its own credential (certificate, secret, federated token). */
    public static ConnectRequest forApp(
            AppIdentity app,
            String environment,
            Credential credential,
            boolean sendCertificateChain,
            Duration timeout) {
        return new ConnectRequest(
                app.tenant(), app.clientId(), named(environment), credential, sendCertificateChain, timeout);
    }

    /** A credential that names its own tenant and app: a managed identity or a token from elsewhere. */
    public static ConnectRequest forOwnIdentity(String environment, Credential credential, Duration timeout) {
        return new ConnectRequest(null, null, named(environment), credential, false, timeout);
    }

    /** {@code --timeout SECONDS}: 1 to 3600 seconds. */
    public static Duration timeout(int seconds) {
        if (seconds < 1 || seconds > MOST_SECONDS) {
            throw new CredentialNotConfiguredException(
                    "--timeout " + seconds + " is out of range: give 1 to " + MOST_SECONDS + " seconds.");
        }
        return Duration.ofSeconds(seconds);
    }

    private static String named(String environment) {
        return environment == null ? Environments.GLOBAL : environment;
    }
}

package dev.entrashell.auth;

import java.time.Duration;
import java.util.Objects;

import dev.entrashell.session.Environments;

/**
 * Everything a {@code connect} line asked for, checked: the app (null for a managed identity and a
 * given token, which carry their own), the environment's name, the one credential, and the deadline of
 * each exchange. Its constructor refuses what cannot work before anything is sent, so a request made
 * without the factories (as {@code cert rotate} makes one from a connection) is checked the same way.
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

    /**
     * A tenant and client id exactly when the credential signs in as an app (checked as
     * {@link AppIdentity} checks them), the global cloud when no environment is named, and a deadline of
     * 1 to 3600 seconds.
     */
    public ConnectRequest {
        Objects.requireNonNull(credential, "credential");
        if (credential.carriesItsOwnIdentity()) {
            if (tenant != null || clientId != null) {
                throw new IllegalArgumentException(
                        credential.getClass().getSimpleName() + " carries its own tenant and app: give neither");
            }
        } else {
            AppIdentity app = new AppIdentity(tenant, clientId);
            tenant = app.tenant();
            clientId = app.clientId();
        }
        environment = environment == null ? Environments.GLOBAL : environment;
        refuseOutOfRange(timeout.toSeconds());
    }

    /** An app registration signing in with its own credential (certificate, secret, federated token). */
    public static ConnectRequest forApp(
            AppIdentity app,
            String environment,
            Credential credential,
            boolean sendCertificateChain,
            Duration timeout) {
        return new ConnectRequest(app.tenant(), app.clientId(), environment, credential, sendCertificateChain, timeout);
    }

    /** A credential that names its own tenant and app: a managed identity or a token from elsewhere. */
    public static ConnectRequest forOwnIdentity(String environment, Credential credential, Duration timeout) {
        return new ConnectRequest(null, null, environment, credential, false, timeout);
    }

    /** {@code --timeout SECONDS}: 1 to 3600 seconds. */
    public static Duration timeout(int seconds) {
        refuseOutOfRange(seconds);
        return Duration.ofSeconds(seconds);
    }

    private static void refuseOutOfRange(long seconds) {
        if (seconds < 1 || seconds > MOST_SECONDS) {
            throw new CredentialNotConfiguredException(
                    "--timeout " + seconds + " is out of range: give 1 to " + MOST_SECONDS + " seconds.");
        }
    }
}

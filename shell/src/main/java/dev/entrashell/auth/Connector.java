package dev.entrashell.auth;

import java.time.Clock;
import java.util.function.Consumer;

import dev.entrashell.errors.ShellException;
import dev.entrashell.net.HttpStack;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Environment;
import dev.entrashell.session.Environments;
import dev.entrashell.session.ShellHome;
import dev.entrashell.session.Sleeper;

/**
 * Makes a connection from a {@code connect} request: checks everything local first (environment,
 * certificate, key, files), then acquires a token at once, so a bad credential fails now and not at
 * the first Graph call. What fails before the first request is a {@link CredentialNotConfiguredException};
 * what the token endpoint refuses, a {@link SignInRefusedException}.
 */
public final class Connector {
    private final Environments environments;
    private final ShellHome home;
    private final Diagnostics diagnostics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> notices;

    /** {@code notices} shows the user why a request waits (throttling, retries); {@code sleeper} waits it. */
    public Connector(
            Environments environments,
            ShellHome home,
            Diagnostics diagnostics,
            Clock clock,
            Sleeper sleeper,
            Consumer<String> notices) {
        this.environments = environments;
        this.sleeper = sleeper;
        this.notices = notices;
        this.home = home;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    public Connection connect(ConnectRequest request) {
        Environment environment;
        HttpStack http;
        SignIn signIn;
        try {
            environment = environments.require(request.environment());
            http = new HttpStack(environment, request.timeout(), diagnostics, notices, clock, sleeper);
            signIn = request.credential()
                    .prepare(new SignInContext(request, environment, http, home, diagnostics, clock));
        } catch (ShellException e) {
            throw CredentialNotConfiguredException.of(e);
        }
        // A token from elsewhere names its own tenant and app, as a managed identity's token does.
        TokenClaims claims = signIn.tokens().token().claims();
        return new Connection(
                request.tenant() != null ? request.tenant() : claims.tenantId(),
                request.clientId() != null ? request.clientId() : claims.appId(),
                claims.appName(),
                environment,
                signIn.signedInWith(),
                request.sendCertificateChain(),
                signIn.tokens(),
                http);
    }
}

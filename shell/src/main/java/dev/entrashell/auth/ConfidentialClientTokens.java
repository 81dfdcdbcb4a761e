package dev.entrashell.auth;

import java.net.MalformedURLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.Environment;
import okhttp3.OkHttpClient;

/**
 * Client-credentials tokens from MSAL4J: one {@link ConfidentialClientApplication} per connection. MSAL's
 * cache is skipped because {@link RenewingTokenSource} decides when to renew; instance discovery is off
 * because the authority comes from a known environment (and would otherwise call Microsoft's discovery
 * endpoint for every private or emulated cloud).
 */
final class ConfidentialClientTokens implements Supplier<AccessToken> {
    private final ConfidentialClientApplication app;
    private final ClientCredentialParameters parameters;
    private final Environment environment;
    private final Duration timeout;
    private final TokenEndpointAnswers answers = new TokenEndpointAnswers();

    ConfidentialClientTokens(
            String clientId,
            String tenant,
            IClientCredential credential,
            boolean sendCertificateChain,
            Environment environment,
            OkHttpClient http,
            Duration timeout) {
        this.environment = environment;
        this.timeout = timeout;
        try {
            this.app = ConfidentialClientApplication.builder(clientId, credential)
                    .authority(environment.authority(tenant))
                    .instanceDiscovery(false)
                    .sendX5c(sendCertificateChain)
                    .httpClient(new MsalHttpClient(http, answers))
                    .logPii(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw ShellException.usage("Tenant '" + tenant + "' does not make a valid authority with "
                    + environment.login() + ": " + e.getMessage());
        }
        this.parameters = ClientCredentialParameters.builder(Set.of(environment.graphScope()))
                .skipCache(true)
                .build();
    }

    @Override
    public AccessToken get() {
        answers.clear();
        CompletableFuture<IAuthenticationResult> pending = app.acquireToken(parameters);
        try {
            IAuthenticationResult result = pending.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
        } catch (ExecutionException e) {
            throw AuthErrors.translate(e.getCause(), environment, answers.list());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw ShellException.interrupted("the token request to " + environment.login() + " was cancelled");
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ShellException("No token from " + environment.login() + " within " + timeout.toSeconds()
                    + " s; try again, or allow more with connect --timeout SECONDS.");
        }
    }
}

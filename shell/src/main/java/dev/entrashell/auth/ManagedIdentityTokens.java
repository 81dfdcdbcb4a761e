package dev.entrashell.auth;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.Environment;
import okhttp3.OkHttpClient;

/**
 * Tokens from the host's managed identity through MSAL4J's {@link ManagedIdentityApplication}, which
 * picks the source (IMDS, App Service, Azure Arc, Cloud Shell, Service Fabric) from the environment
 * variables. MSAL's managed-identity cache is shared by the whole JVM, so every request forces a
 * refresh: {@link RenewingTokenSource} decides when one is needed.
 */
final class ManagedIdentityTokens implements Supplier<AccessToken> {
    private final ManagedIdentityApplication app;
    private final ManagedIdentityParameters parameters;
    private final Environment environment;
    private final Duration timeout;

    ManagedIdentityTokens(
            Credential.ManagedIdentity identity, Environment environment, OkHttpClient http, Duration timeout) {
        this.environment = environment;
        this.timeout = timeout;
        this.app = ManagedIdentityApplication.builder(id(identity))
                .httpClient(new MsalHttpClient(http))
                .build();
        // Managed identity endpoints take a resource, not a scope.
        this.parameters = ManagedIdentityParameters.builder(environment.graph().toString())
                .forceRefresh(true)
                .build();
    }

    static String source() {
        return String.valueOf(ManagedIdentityApplication.getManagedIdentitySource());
    }

    private static ManagedIdentityId id(Credential.ManagedIdentity identity) {
        return switch (identity.kind()) {
            case SYSTEM_ASSIGNED -> ManagedIdentityId.systemAssigned();
            case CLIENT_ID -> ManagedIdentityId.userAssignedClientId(identity.id());
            case OBJECT_ID -> ManagedIdentityId.userAssignedObjectId(identity.id());
            case RESOURCE_ID -> ManagedIdentityId.userAssignedResourceId(identity.id());
        };
    }

    @Override
    public AccessToken get() {
        CompletableFuture<IAuthenticationResult> pending;
        try {
            pending = app.acquireTokenForManagedIdentity(parameters);
        } catch (Exception e) {
            throw AuthErrors.translateManagedIdentity(e, source());
        }
        try {
            IAuthenticationResult result = pending.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
        } catch (ExecutionException e) {
            throw AuthErrors.translateManagedIdentity(e.getCause(), source());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw ShellException.interrupted("the managed identity token request was cancelled");
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ShellException("No managed identity token within " + timeout.toSeconds() + " s from the "
                    + source() + " endpoint; is this host running in Azure with a managed identity? ("
                    + environment.name() + ")");
        }
    }
}

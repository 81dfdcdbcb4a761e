package dev.entrashell.emulator;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;

/**
 * Run as a child JVM by {@link ManagedIdentityMsalTest}: MSAL4J reads its real environment, picks
 * the managed identity source from it, and gets a Graph token. Prints {@code SOURCE ...} and
 * {@code TOKEN ...}, or {@code ERROR ...} and exits 3.
 *
 * <p>Arguments: {@code system}, or {@code client_id|resource_id|object_id} and the id.
 */
public final class ManagedIdentityChild {
    private ManagedIdentityChild() {}

    public static void main(String[] args) throws Exception {
        ManagedIdentityId id =
                switch (args[0]) {
                    case "system" -> ManagedIdentityId.systemAssigned();
                    case "client_id" -> ManagedIdentityId.userAssignedClientId(args[1]);
                    case "resource_id" -> ManagedIdentityId.userAssignedResourceId(args[1]);
                    case "object_id" -> ManagedIdentityId.userAssignedObjectId(args[1]);
                    default -> throw new IllegalArgumentException(args[0]);
                };
        ManagedIdentityApplication app = ManagedIdentityApplication.builder(id)
                .disableInternalRetries()
                .connectTimeoutForDefaultHttpClient(10_000)
                .readTimeoutForDefaultHttpClient(10_000)
                .build();
        System.out.println("SOURCE " + ManagedIdentityApplication.getManagedIdentitySource());
        try {
            IAuthenticationResult result = app.acquireTokenForManagedIdentity(
                            ManagedIdentityParameters.builder("https://graph.microsoft.com")
                                    .forceRefresh(true)
                                    .build())
                    .get(30, TimeUnit.SECONDS);
            System.out.println("TOKEN " + result.accessToken());
        } catch (ExecutionException e) {
            System.out.println("ERROR " + e.getCause().getMessage());
            System.exit(3);
        }
    }
}

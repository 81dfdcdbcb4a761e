package dev.entrashell.emulator.identity;

import java.time.Clock;
import java.util.Locale;

import dev.entrashell.emulator.http.RequestHandler;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.token.AadResponses;

/**
 * The plain-HTTP loopback server of the managed identity endpoints: IMDS's
 * {@value ImdsEndpoint#PATH} and App Service's {@value AppServiceEndpoint#PATH}. Anything else is a
 * 404.
 */
public final class ManagedIdentityServer implements RequestHandler {
    /** What MSAL appends to {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}. */
    public static final String IMDS_PATH = ImdsEndpoint.PATH;
    /** Where {@code IDENTITY_ENDPOINT} points, below the server's address. */
    public static final String APP_SERVICE_PATH = AppServiceEndpoint.PATH;

    private final ImdsEndpoint imds;
    private final AppServiceEndpoint appService;
    private final IdentityErrors errors;

    /**
     * @param identityHeader the App Service secret ({@code IDENTITY_HEADER}) requests must present
     * @param entra writes Entra's error bodies, which IMDS passes through
     */
    public ManagedIdentityServer(ManagedIdentityHost host, String identityHeader, AadResponses entra, Clock clock) {
        this.imds = new ImdsEndpoint(host);
        this.appService = new AppServiceEndpoint(host, identityHeader);
        this.errors = new IdentityErrors(entra, clock);
    }

    /** Each endpoint stops at its first failed check with an {@link IdentityException}, answered here. */
    @Override
    public ServerResponse handle(ServerRequest request) {
        try {
            return route(request);
        } catch (IdentityException refused) {
            return errors.response(refused, request);
        }
    }

    private ServerResponse route(ServerRequest request) throws IdentityException {
        String path = request.rawPath();
        if (path.equals(IMDS_PATH)) {
            return imds.handle(request);
        }
        // App Service on Windows writes the path as /MSI/token/; both spellings reach it.
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.equals(APP_SERVICE_PATH) || lower.equals(APP_SERVICE_PATH + "/")) {
            return appService.handle(request);
        }
        return ServerResponse.text(404, "Not Found\n");
    }
}

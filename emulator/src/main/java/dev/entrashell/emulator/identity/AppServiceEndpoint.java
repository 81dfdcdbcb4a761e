package dev.entrashell.emulator.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.ManagedIdentity;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.token.AccessTokenIssuer;

/**
 * App Service's (and Functions', Container Apps') local token service: {@code GET
 * $IDENTITY_ENDPOINT?api-version=2019-08-01&resource=R} with {@code X-IDENTITY-HEADER:
 * $IDENTITY_HEADER}, and at most one of {@code client_id}, {@code principal_id} (or
 * {@code object_id}, which MSAL sends) and {@code mi_res_id}. Success is {@code access_token},
 * {@code expires_on} (epoch seconds, a string), {@code resource}, {@code token_type} and
 * {@code client_id}; errors are {@code {"statusCode","message","correlationId"}}.
 *
 * <p>Observed messages, used verbatim: an unknown user-assigned identity gives 400 "No User
 * Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.", an
 * app without a system-assigned identity asked for it gives 400 "Unable to load the proper Managed
 * Identity.", and a resource Entra refuses gives 500 "An unexpected error occured while fetching
 * the AAD Token." (sic). The wording of the header and parameter errors is the emulator's own;
 * their statuses (400 without the header, 401 with a wrong one) are App Service's.
 */
final class AppServiceEndpoint {
    static final String PATH = "/msi/token";
    static final String API_VERSION = "2019-08-01";
    static final String HEADER = "X-IDENTITY-HEADER";

    private static final Map<String, IdentitySelector.Kind> SELECTORS = selectors();
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final ManagedIdentityHost host;
    private final String identityHeader;

    AppServiceEndpoint(ManagedIdentityHost host, String identityHeader) {
        this.host = host;
        this.identityHeader = identityHeader;
    }

    private static Map<String, IdentitySelector.Kind> selectors() {
        Map<String, IdentitySelector.Kind> selectors = new LinkedHashMap<>();
        selectors.put("client_id", IdentitySelector.Kind.CLIENT_ID);
        selectors.put("principal_id", IdentitySelector.Kind.OBJECT_ID);
        selectors.put("object_id", IdentitySelector.Kind.OBJECT_ID);
        selectors.put("mi_res_id", IdentitySelector.Kind.RESOURCE_ID);
        return selectors;
    }

    /** A token for the identity asked for. */
    ServerResponse handle(ServerRequest request) throws IdentityException {
        if (!request.method().equals("GET")) {
            throw IdentityException.methodNotAllowed();
        }
        Optional<String> header = request.header(HEADER);
        if (header.isEmpty() || header.get().isBlank()) {
            throw IdentityException.appService(400, "The " + HEADER + " header is required.");
        }
        if (!MessageDigest.isEqual(
                header.get().getBytes(StandardCharsets.UTF_8), identityHeader.getBytes(StandardCharsets.UTF_8))) {
            throw IdentityException.appService(401, "The " + HEADER + " header is not valid.");
        }
        IdentityQuery query = IdentityQuery.of(request, message -> IdentityException.appService(400, message));
        Optional<String> apiVersion = query.get("api-version");
        if (apiVersion.isEmpty() || !apiVersion.get().equals(API_VERSION)) {
            throw IdentityException.appService(
                    400, "The api-version '" + apiVersion.orElse("") + "' is not supported; use " + API_VERSION + ".");
        }
        Optional<String> resource = query.get("resource");
        if (resource.isEmpty()) {
            throw IdentityException.appService(400, "The resource parameter is required.");
        }
        List<IdentitySelector> selectors = query.selectors(SELECTORS);
        if (selectors.size() > 1) {
            throw IdentityException.appService(
                    400,
                    "Only one of client_id, principal_id and mi_res_id may be specified; the request has "
                            + selectors.stream()
                                    .map(IdentitySelector::parameter)
                                    .toList() + ".");
        }
        Optional<ManagedIdentity> identity;
        if (selectors.isEmpty()) {
            identity = host.systemAssigned();
            if (identity.isEmpty()) {
                throw IdentityException.appService(400, "Unable to load the proper Managed Identity.");
            }
        } else {
            identity = host.find(selectors.get(0));
        }
        Optional<Tenant> tenant = identity.flatMap(host::tenantOf);
        if (identity.isEmpty() || tenant.isEmpty()) {
            throw IdentityException.appService(
                    400,
                    "No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.");
        }
        if (!host.isGraph(resource.get())) {
            throw IdentityException.appService(500, "An unexpected error occured while fetching the AAD Token.");
        }
        AccessTokenIssuer.IssuedToken token = host.issue(tenant.get(), identity.get());
        JsonObject body = new JsonObject();
        body.addProperty("access_token", token.accessToken());
        body.addProperty("expires_on", String.valueOf(token.expiresOn()));
        body.addProperty("resource", resource.get());
        body.addProperty("token_type", "Bearer");
        body.addProperty("client_id", identity.get().clientId());
        return ServerResponse.json(200, CONTENT_TYPE, body, Map.of());
    }
}

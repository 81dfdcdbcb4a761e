package dev.entrashell.emulator.identity;

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
import dev.entrashell.emulator.token.error.AadErrors;

/**
 * The Azure Instance Metadata Service's token endpoint, {@code GET
 * /metadata/identity/oauth2/token?api-version=2018-02-01&resource=R}, as a VM sees it at
 * 169.254.169.254 and as MSAL reaches it through {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}.
 * Requires {@code Metadata: true} and refuses a request carrying {@code X-Forwarded-For}, as Azure
 * does, so a request relayed by a proxy or forged by a server-side request forgery is refused. Any
 * IMDS api-version from the identity category's first (2018-02-01) on is served; another is refused
 * with IMDS's versioning error and its newest versions. One optional identity selector: {@code client_id}, {@code object_id} or {@code msi_res_id}
 * ({@code mi_res_id} is accepted as its newer name). Every value in the success response is a
 * string, {@code refresh_token} empty; errors are {@code {"error","error_description"}}, and what
 * Entra itself refuses (an unknown resource) comes back as Entra's whole error body.
 */
final class ImdsEndpoint {
    static final String PATH = "/metadata/identity/oauth2/token";
    static final String API_VERSION = "2018-02-01";

    /**
     * IMDS's supported versions from 2018-02-01, when the identity category came, newest first
     * (learn.microsoft.com/azure/virtual-machines/instance-metadata-service, "Supported API versions").
     */
    static final List<String> API_VERSIONS = List.of(
            "2025-04-07",
            "2024-07-17",
            "2024-03-15",
            "2023-11-15",
            "2023-07-01",
            "2021-12-13",
            "2021-11-15",
            "2021-11-01",
            "2021-10-01",
            "2021-08-01",
            "2021-05-01",
            "2021-03-01",
            "2021-02-01",
            "2021-01-01",
            "2020-12-01",
            "2020-10-01",
            "2020-09-01",
            "2020-07-15",
            "2020-06-01",
            "2019-11-01",
            "2019-08-15",
            "2019-08-01",
            "2019-06-04",
            "2019-06-01",
            "2019-04-30",
            "2019-03-11",
            "2019-02-01",
            "2018-10-01",
            "2018-04-02",
            API_VERSION);

    private static final Map<String, IdentitySelector.Kind> SELECTORS = selectors();
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final ManagedIdentityHost host;

    ImdsEndpoint(ManagedIdentityHost host) {
        this.host = host;
    }

    private static Map<String, IdentitySelector.Kind> selectors() {
        Map<String, IdentitySelector.Kind> selectors = new LinkedHashMap<>();
        selectors.put("client_id", IdentitySelector.Kind.CLIENT_ID);
        selectors.put("object_id", IdentitySelector.Kind.OBJECT_ID);
        selectors.put("msi_res_id", IdentitySelector.Kind.RESOURCE_ID);
        selectors.put("mi_res_id", IdentitySelector.Kind.RESOURCE_ID);
        return selectors;
    }

    /** A token for the identity asked for. */
    ServerResponse handle(ServerRequest request) throws IdentityException {
        if (!request.method().equals("GET")) {
            throw IdentityException.methodNotAllowed();
        }
        if (!request.header("Metadata").map("true"::equals).orElse(false)) {
            throw IdentityException.imds("Required metadata header not specified");
        }
        if (request.header("X-Forwarded-For").isPresent()) {
            // Azure documents the refusal, not its wording: this body is the emulator's.
            throw IdentityException.imds("Requests with an X-Forwarded-For header are refused; call IMDS directly");
        }
        IdentityQuery query = IdentityQuery.of(request, IdentityException::imds);
        Optional<String> apiVersion = query.get("api-version");
        if (apiVersion.isEmpty()) {
            throw IdentityException.imds("Required query variable 'api-version' is missing");
        }
        if (!API_VERSIONS.contains(apiVersion.get())) {
            throw IdentityException.imdsApiVersion();
        }
        Optional<String> resource = query.get("resource");
        if (resource.isEmpty()) {
            throw IdentityException.imds("Required audience parameter not specified");
        }
        List<IdentitySelector> selectors = query.selectors(SELECTORS);
        if (selectors.size() > 1) {
            throw IdentityException.imds(
                    "Only one of client_id, object_id and msi_res_id may be specified; the request has "
                            + selectors.stream()
                                    .map(IdentitySelector::parameter)
                                    .toList());
        }
        Optional<ManagedIdentity> identity = selectors.isEmpty() ? host.systemAssigned() : host.find(selectors.get(0));
        Optional<Tenant> tenant = identity.flatMap(host::tenantOf);
        if (identity.isEmpty() || tenant.isEmpty()) {
            throw IdentityException.imds("Identity not found");
        }
        if (!host.isGraph(resource.get())) {
            // IMDS passes Entra's refusal through, body and all.
            throw IdentityException.entra(
                    AadErrors.resourceNotFound(resource.get(), tenant.get().organizationName()));
        }
        AccessTokenIssuer.IssuedToken token = host.issue(tenant.get(), identity.get());
        JsonObject body = new JsonObject();
        body.addProperty("access_token", token.accessToken());
        body.addProperty("refresh_token", "");
        body.addProperty("expires_in", String.valueOf(token.expiresInSeconds()));
        body.addProperty("expires_on", String.valueOf(token.expiresOn()));
        body.addProperty("not_before", String.valueOf(token.notBefore()));
        body.addProperty("resource", resource.get());
        body.addProperty("token_type", "Bearer");
        return ServerResponse.json(200, CONTENT_TYPE, body, Map.of());
    }
}

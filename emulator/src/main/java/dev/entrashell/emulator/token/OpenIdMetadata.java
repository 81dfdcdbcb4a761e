package dev.entrashell.emulator.token;

import java.net.URI;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.jwt.TokenSigningKey;

/**
 * OpenID Connect discovery documents and the signing keys, so a client can validate the tokens
 * this emulator issues the same way it validates Entra's. Graph tokens are v1.0 tokens: their
 * issuer is the v1 document's ({@code https://sts.windows.net/{tid}/}), as with Entra.
 */
public final class OpenIdMetadata {
    /** Entra's placeholder in multi-tenant metadata. */
    private static final String TENANT_PLACEHOLDER = "{tenantid}";

    private final LoginEndpoints endpoints;
    private final URI graphEndpoint;
    private final TokenSigningKey key;

    public OpenIdMetadata(LoginEndpoints endpoints, URI graphEndpoint, TokenSigningKey key) {
        this.endpoints = endpoints;
        this.graphEndpoint = graphEndpoint;
        this.key = key;
    }

    /**
     * @param pathTenant the tenant as the path named it
     * @param tenantId the tenant id, or null for common/organizations
     */
    public JsonObject v2Configuration(String pathTenant, String tenantId) {
        String base = endpoints.base().toString();
        String issuerTenant = tenantId == null ? TENANT_PLACEHOLDER : tenantId;
        String tenant = tenantId == null ? pathTenant : tenantId;
        JsonObject document = new JsonObject();
        document.addProperty("token_endpoint", endpoints.tokenEndpoint(tenant));
        document.add(
                "token_endpoint_auth_methods_supported",
                strings("client_secret_post", "private_key_jwt", "client_secret_basic"));
        document.addProperty("jwks_uri", endpoints.jwksUri(tenant));
        document.add("response_modes_supported", strings("query", "fragment", "form_post"));
        document.add("subject_types_supported", strings("pairwise"));
        document.add("id_token_signing_alg_values_supported", strings("RS256"));
        document.add("response_types_supported", strings("code", "id_token", "code id_token", "id_token token"));
        document.add("scopes_supported", strings("openid", "profile", "email", "offline_access"));
        document.addProperty("issuer", base + "/" + issuerTenant + "/v2.0");
        document.addProperty("request_uri_parameter_supported", false);
        document.addProperty("authorization_endpoint", base + "/" + tenant + "/oauth2/v2.0/authorize");
        document.addProperty("tenant_region_scope", tenantId == null ? null : "NA");
        document.addProperty("cloud_instance_name", "microsoftonline.com");
        document.addProperty("msgraph_host", graphEndpoint.getAuthority());
        return document;
    }

    public JsonObject v1Configuration(String pathTenant, String tenantId) {
        String base = endpoints.base().toString();
        String tenant = tenantId == null ? pathTenant : tenantId;
        JsonObject document = new JsonObject();
        document.addProperty("token_endpoint", base + "/" + tenant + "/oauth2/token");
        document.add(
                "token_endpoint_auth_methods_supported",
                strings("client_secret_post", "private_key_jwt", "client_secret_basic"));
        document.addProperty("jwks_uri", base + "/" + tenant + "/discovery/keys");
        document.add("id_token_signing_alg_values_supported", strings("RS256"));
        document.addProperty("issuer", AccessTokenIssuer.issuerFor(tenantId == null ? TENANT_PLACEHOLDER : tenantId));
        document.addProperty("authorization_endpoint", base + "/" + tenant + "/oauth2/authorize");
        document.addProperty("cloud_instance_name", "microsoftonline.com");
        document.addProperty("msgraph_host", graphEndpoint.getAuthority());
        return document;
    }

    /**
     * @param issuer the issuer to state on the key (v2 documents do), or null
     */
    public JsonObject keys(String issuer) {
        JsonArray keys = new JsonArray();
        keys.add(key.jwk(issuer));
        JsonObject document = new JsonObject();
        document.add("keys", keys);
        return document;
    }

    public String v2Issuer(String tenantId) {
        return endpoints.base() + "/" + (tenantId == null ? TENANT_PLACEHOLDER : tenantId) + "/v2.0";
    }

    private static JsonArray strings(String... values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}

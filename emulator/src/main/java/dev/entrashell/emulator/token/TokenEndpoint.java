package dev.entrashell.emulator.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.http.UrlEncodedForm;
import dev.entrashell.emulator.token.error.AadErrorException;
import dev.entrashell.emulator.token.error.AadErrors;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token} for the client credentials grant, and its v1.0
 * predecessor {@code POST /{tenant}/oauth2/token} (advertised by the v1 discovery document), which
 * takes {@code resource} instead of {@code scope} and answers every number as a string, with
 * {@code expires_on}, {@code not_before} and {@code resource}. Checks run in Entra's order and the
 * first failure answers: tenant, grant type, client, scope or resource, client authentication.
 */
public final class TokenEndpoint {
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final Directory directory;
    private final TenantResolver tenants;
    private final ScopeValidator scopes;
    private final ClientAssertionVerifier assertions;
    private final AccessTokenIssuer issuer;
    private final AadResponses responses;
    private final Clock clock;

    public TokenEndpoint(
            Directory directory,
            ScopeValidator scopes,
            ClientAssertionVerifier assertions,
            AccessTokenIssuer issuer,
            AadResponses responses,
            Clock clock) {
        this.directory = directory;
        this.tenants = new TenantResolver(directory);
        this.scopes = scopes;
        this.assertions = assertions;
        this.issuer = issuer;
        this.responses = responses;
        this.clock = clock;
    }

    /** Which token endpoint a request came to. */
    public enum Version {
        V1,
        V2
    }

    public ServerResponse handle(ServerRequest request, String tenantSegment, Version version) {
        RequestIds ids = RequestIds.of(request);
        if (request.method().equals("OPTIONS")) {
            return new ServerResponse(200, Map.of("Allow", "POST, OPTIONS"), new byte[0]);
        }
        try {
            if (!request.method().equals("POST")) {
                throw new AadErrorException(AadErrors.methodNotAllowed(request.method()));
            }
            Tenant tenant = tenants.resolve(tenantSegment);
            Form form = Form.of(request);
            AccessTokenIssuer.IssuedToken token = grant(request, form, tenant, version);
            return responses.json(200, version == Version.V1 ? v1Body(token, form) : v2Body(token), ids);
        } catch (AadErrorException e) {
            return responses.error(e.error(), ids, clock.instant());
        }
    }

    private static JsonObject v2Body(AccessTokenIssuer.IssuedToken token) {
        JsonObject body = new JsonObject();
        body.addProperty("token_type", "Bearer");
        body.addProperty("expires_in", token.expiresInSeconds());
        body.addProperty("ext_expires_in", token.expiresInSeconds());
        body.addProperty("access_token", token.accessToken());
        return body;
    }

    /** v1.0 answers numbers as strings and says when the token starts and ends, and for what. */
    private static JsonObject v1Body(AccessTokenIssuer.IssuedToken token, Form form) throws AadErrorException {
        JsonObject body = new JsonObject();
        body.addProperty("token_type", "Bearer");
        body.addProperty("expires_in", String.valueOf(token.expiresInSeconds()));
        body.addProperty("ext_expires_in", String.valueOf(token.expiresInSeconds()));
        body.addProperty("expires_on", String.valueOf(token.expiresOn()));
        body.addProperty("not_before", String.valueOf(token.notBefore()));
        body.addProperty("resource", form.required("resource"));
        body.addProperty("access_token", token.accessToken());
        return body;
    }

    private AccessTokenIssuer.IssuedToken grant(ServerRequest request, Form form, Tenant tenant, Version version)
            throws AadErrorException {
        Optional<BasicCredentials> basic = BasicCredentials.of(request);

        String grantType = form.required("grant_type");
        if (!grantType.equals("client_credentials")) {
            throw new AadErrorException(AadErrors.unsupportedGrantType(grantType));
        }

        Optional<String> formClientId = form.optional("client_id");
        if (formClientId.isPresent()
                && basic.isPresent()
                && !formClientId.get().equalsIgnoreCase(basic.get().clientId())) {
            throw new AadErrorException(AadErrors.malformedRequest());
        }
        String clientId = formClientId
                .or(() -> basic.map(BasicCredentials::clientId))
                .orElseThrow(() -> new AadErrorException(AadErrors.missingParameter("client_id")));
        AppRegistration app = directory
                .application(tenant.id(), clientId)
                .orElseThrow(() ->
                        new AadErrorException(AadErrors.applicationNotFound(clientId, tenant.organizationName())));

        if (version == Version.V1) {
            scopes.validateResource(form.required("resource"), tenant);
        } else {
            scopes.validate(form.required("scope"), tenant);
        }

        ClientCredentialType credential = authenticate(form, basic, app, tenant);
        return issuer.issue(tenant, app, credential);
    }

    /** Exactly one client credential: a secret (form or Basic) or a JWT bearer assertion. */
    private ClientCredentialType authenticate(
            Form form, Optional<BasicCredentials> basic, AppRegistration app, Tenant tenant) throws AadErrorException {
        Optional<String> formSecret = form.optional("client_secret");
        Optional<String> assertion = form.optional("client_assertion");
        Optional<String> assertionType = form.optional("client_assertion_type");
        int credentials = (formSecret.isPresent() ? 1 : 0)
                + (basic.isPresent() ? 1 : 0)
                + (assertion.isPresent() || assertionType.isPresent() ? 1 : 0);
        if (credentials == 0) {
            throw new AadErrorException(AadErrors.missingClientCredential());
        }
        if (credentials > 1) {
            throw new AadErrorException(AadErrors.malformedRequest());
        }
        if (assertion.isPresent() || assertionType.isPresent()) {
            if (assertionType.isEmpty()) {
                throw new AadErrorException(AadErrors.missingParameter("client_assertion_type"));
            }
            if (assertion.isEmpty()) {
                throw new AadErrorException(AadErrors.missingParameter("client_assertion"));
            }
            if (!assertionType.get().equals(JWT_BEARER)) {
                throw new AadErrorException(AadErrors.malformedRequest());
            }
            return assertions.verify(assertion.get(), app, tenant);
        }
        String secret = formSecret.orElseGet(() -> basic.orElseThrow().secret());
        if (!matchesAny(secret, app.secrets())) {
            throw new AadErrorException(AadErrors.invalidClientSecret(app.clientId()));
        }
        return ClientCredentialType.SECRET;
    }

    /** Compares in constant time, so response timing says nothing about a secret's prefix. */
    private static boolean matchesAny(String candidate, List<String> secrets) {
        byte[] offered = candidate.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String secret : secrets) {
            match |= MessageDigest.isEqual(offered, secret.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    /** The form body; a parameter sent twice makes the request malformed, as does a bad escape. */
    private record Form(Map<String, List<String>> parameters) {
        static Form of(ServerRequest request) throws AadErrorException {
            boolean isForm = request.header("Content-Type")
                    .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                    .orElse(false);
            if (!isForm) {
                return new Form(Map.of());
            }
            try {
                return new Form(UrlEncodedForm.parse(request.bodyText()));
            } catch (IllegalArgumentException e) {
                throw new AadErrorException(AadErrors.malformedRequest());
            }
        }

        Optional<String> optional(String name) throws AadErrorException {
            List<String> values = parameters.getOrDefault(name, List.of());
            if (values.size() > 1) {
                throw new AadErrorException(AadErrors.malformedRequest());
            }
            return values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        String required(String name) throws AadErrorException {
            return optional(name).orElseThrow(() -> new AadErrorException(AadErrors.missingParameter(name)));
        }
    }

    /** RFC 6749 section 2.3.1: {@code Authorization: Basic base64(urlencode(id):urlencode(secret))}. */
    private record BasicCredentials(String clientId, String secret) {
        static Optional<BasicCredentials> of(ServerRequest request) throws AadErrorException {
            Optional<String> header = request.header("Authorization");
            if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.empty();
            }
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.get().substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new AadErrorException(AadErrors.malformedRequest());
                }
                return Optional.of(new BasicCredentials(
                        UrlEncodedForm.decode(decoded.substring(0, colon)),
                        UrlEncodedForm.decode(decoded.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                throw new AadErrorException(AadErrors.malformedRequest());
            }
        }

        @Override
        public String toString() {
            return "BasicCredentials[clientId=" + clientId + "]";
        }
    }
}

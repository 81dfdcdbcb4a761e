package dev.entrashell.emulator.token;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.http.RequestHandler;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.http.UrlEncodedForm;
import dev.entrashell.emulator.token.error.AadErrorException;
import dev.entrashell.emulator.token.federation.FederatedIssuers;

/**
 * The login server's routes: the token endpoint, discovery documents and keys, the error page
 * that {@code error_uri} links to, and the external issuers the emulator hosts. Anything else is a
 * 404, as on login.microsoftonline.com.
 */
public final class LoginServer implements RequestHandler {
    private final TokenEndpoint tokenEndpoint;
    private final OpenIdMetadata metadata;
    private final TenantResolver tenants;
    private final AadResponses responses;
    private final FederatedIssuers federatedIssuers;
    private final Clock clock;

    /**
     * @param federatedIssuers the external issuers hosted under {@code /federation/{name}/}
     */
    public LoginServer(
            TokenEndpoint tokenEndpoint,
            OpenIdMetadata metadata,
            Directory directory,
            AadResponses responses,
            FederatedIssuers federatedIssuers,
            Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.metadata = metadata;
        this.tenants = new TenantResolver(directory);
        this.responses = responses;
        this.federatedIssuers = federatedIssuers;
        this.clock = clock;
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        List<String> segments;
        try {
            segments = segments(request.rawPath());
        } catch (IllegalArgumentException e) {
            return notFound(); // a broken percent escape names no resource here
        }
        if (segments.equals(List.of("error"))) {
            return ServerResponse.text(200, errorPage(request));
        }
        if (!segments.isEmpty() && segments.get(0).equals(FederatedIssuers.PATH_SEGMENT)) {
            return federatedIssuers
                    .serve(request, segments.subList(1, segments.size()))
                    .orElseGet(LoginServer::notFound);
        }
        if (segments.size() < 2) {
            return notFound();
        }
        String tenant = segments.get(0);
        List<String> rest = segments.subList(1, segments.size());
        if (rest.equals(List.of("oauth2", "v2.0", "token"))) {
            return tokenEndpoint.handle(request, tenant, TokenEndpoint.Version.V2);
        }
        if (rest.equals(List.of("oauth2", "token"))) {
            return tokenEndpoint.handle(request, tenant, TokenEndpoint.Version.V1);
        }
        Document document = Document.of(rest);
        if (document == null) {
            return notFound();
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new ServerResponse(405, Map.of("Allow", "GET, HEAD"), new byte[0]);
        }
        return metadataDocument(request, tenant, document);
    }

    private enum Document {
        V2_CONFIGURATION,
        V1_CONFIGURATION,
        V2_KEYS,
        V1_KEYS;

        static Document of(List<String> path) {
            if (path.equals(List.of("v2.0", ".well-known", "openid-configuration"))) {
                return V2_CONFIGURATION;
            }
            if (path.equals(List.of(".well-known", "openid-configuration"))) {
                return V1_CONFIGURATION;
            }
            if (path.equals(List.of("discovery", "v2.0", "keys"))) {
                return V2_KEYS;
            }
            if (path.equals(List.of("discovery", "keys"))) {
                return V1_KEYS;
            }
            return null;
        }
    }

    private ServerResponse metadataDocument(ServerRequest request, String pathTenant, Document document) {
        RequestIds ids = RequestIds.of(request);
        String tenantId = null;
        if (!TenantResolver.isMultiTenantAlias(pathTenant)) {
            try {
                Tenant tenant = tenants.resolve(pathTenant);
                tenantId = tenant.id();
            } catch (AadErrorException e) {
                return responses.error(e.error(), ids, clock.instant());
            }
        }
        JsonObject body =
                switch (document) {
                    case V2_CONFIGURATION -> metadata.v2Configuration(pathTenant, tenantId);
                    case V1_CONFIGURATION -> metadata.v1Configuration(pathTenant, tenantId);
                    case V2_KEYS -> metadata.keys(metadata.v2Issuer(tenantId));
                    case V1_KEYS -> metadata.keys(null);
                };
        return responses.json(200, body, ids);
    }

    private static String errorPage(ServerRequest request) {
        String code = UrlEncodedForm.parse(request.rawQuery())
                .getOrDefault("code", List.of(""))
                .get(0);
        return "AADSTS" + code.replaceAll("[^0-9]", "")
                + ": this is the Entra Shell emulator, which has no error lookup. The error_description of the"
                + " response that linked here says what failed; https://login.microsoftonline.com/error?code="
                + code.replaceAll("[^0-9]", "") + " describes the real code.\n";
    }

    private static ServerResponse notFound() {
        return ServerResponse.text(404, "Not Found\n");
    }

    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(UrlEncodedForm::decodePathSegment)
                .toList();
    }
}

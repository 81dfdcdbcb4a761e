package dev.entrashell.emulator.graph;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.http.RequestHandler;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.http.UrlEncodedForm;
import dev.entrashell.emulator.token.GraphResource;

/**
 * The Graph server: API version, then the bearer token, then the route, then the caller's roles,
 * then the handler; every answer carries Graph's {@code request-id}, {@code client-request-id} and
 * error shape. {@code /beta} serves what {@code /v1.0} serves.
 */
public final class GraphServer implements RequestHandler {
    public static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private static final Set<String> VERSIONS = Set.of("v1.0", "beta");
    private static final DateTimeFormatter INNER_ERROR_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Longer client-request-id values are replaced, not echoed. */
    private static final int MAX_CLIENT_REQUEST_ID = 200;

    private final URI graphEndpoint;
    private final String wwwAuthenticate;
    private final AccessTokenValidator validator;
    private final GraphRouter router;
    private final Clock clock;

    public GraphServer(
            URI graphEndpoint, URI loginEndpoint, AccessTokenValidator validator, GraphRouter router, Clock clock) {
        this.graphEndpoint = graphEndpoint;
        this.wwwAuthenticate = "Bearer realm=\"\", authorization_uri=\"" + loginEndpoint
                + "/common/oauth2/authorize\", client_id=\"" + GraphResource.APP_ID + "\"";
        this.validator = validator;
        this.router = router;
        this.clock = clock;
    }

    /** The routes this emulator serves; issue 4 adds groups, applications and the rest here. */
    public static GraphRouter defaultRoutes(Directory directory) {
        GraphRouter router = new GraphRouter();
        OrganizationHandler organization = new OrganizationHandler(directory);
        UsersHandler users = new UsersHandler(directory, new SkipTokens());
        router.get("/", new ServiceDocumentHandler(router)::get)
                .get("/organization", organization::list)
                .get("/users", users::list)
                .get("/users/{id}", users::get);
        return router;
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        String requestId = Guids.random();
        String clientRequestId = request.header("client-request-id")
                .map(String::strip)
                .filter(id -> !id.isEmpty() && id.length() <= MAX_CLIENT_REQUEST_ID)
                .orElseGet(Guids::random);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("request-id", requestId);
        headers.put("client-request-id", clientRequestId);
        headers.put("OData-Version", "4.0");
        headers.put("Cache-Control", "no-cache");
        try {
            GraphResponse response = respond(request);
            headers.putAll(response.headers());
            return ServerResponse.json(response.status(), CONTENT_TYPE, response.body(), headers);
        } catch (GraphException e) {
            headers.putAll(e.headers());
            if (e.status() == 401) {
                headers.put("WWW-Authenticate", wwwAuthenticate);
            }
            return ServerResponse.json(
                    e.status(), CONTENT_TYPE, errorBody(e, requestId, clientRequestId, clock.instant()), headers);
        }
    }

    private GraphResponse respond(ServerRequest request) throws GraphException {
        List<String> segments = segments(request.rawPath());
        String version = segments.isEmpty() ? "" : segments.get(0).toLowerCase(Locale.ROOT);
        if (!VERSIONS.contains(version)) {
            throw GraphException.invalidVersion(segments.isEmpty() ? "" : segments.get(0));
        }
        GraphCaller caller = validator.validate(request.header("Authorization"));
        QueryOptions query = QueryOptions.parse(request.rawQuery());
        List<String> path = segments.subList(1, segments.size());
        GraphRouter.Match match = router.resolve(request.method(), path);
        if (!match.route().allows(caller.roles())) {
            throw GraphException.insufficientPrivileges();
        }
        GraphRequest graphRequest = new GraphRequest(
                request.method(),
                graphEndpoint + "/" + version,
                version,
                path,
                match.pathParameters(),
                query,
                request.headers(),
                request.body(),
                caller,
                request.receivedAt());
        return match.route().handler().handle(graphRequest);
    }

    private static JsonObject errorBody(GraphException e, String requestId, String clientRequestId, Instant now) {
        JsonObject innerError = new JsonObject();
        innerError.addProperty("date", INNER_ERROR_DATE.format(now.truncatedTo(ChronoUnit.SECONDS)));
        innerError.addProperty("request-id", requestId);
        innerError.addProperty("client-request-id", clientRequestId);
        JsonObject error = new JsonObject();
        error.addProperty("code", e.code());
        error.addProperty("message", e.getMessage());
        error.add("innerError", innerError);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }

    private static List<String> segments(String rawPath) throws GraphException {
        try {
            return Arrays.stream(rawPath.split("/"))
                    .filter(segment -> !segment.isEmpty())
                    .map(UrlEncodedForm::decodePathSegment)
                    .toList();
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("The request URI is not valid: " + e.getMessage());
        }
    }
}

package dev.entrashell.emulator.graph;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.stream.JsonWriter;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.query.EntityTypes;
import dev.entrashell.emulator.http.RequestHandler;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.http.UrlEncodedForm;
import dev.entrashell.emulator.token.GraphResource;

import static dev.entrashell.emulator.graph.ReadHandlers.APPLICATION;
import static dev.entrashell.emulator.graph.ReadHandlers.DEVICE;
import static dev.entrashell.emulator.graph.ReadHandlers.GROUP;
import static dev.entrashell.emulator.graph.ReadHandlers.SERVICE_PRINCIPAL;
import static dev.entrashell.emulator.graph.ReadHandlers.USER;

/**
 * The Graph server: API version, then the bearer token, then throttling, then the route, then the
 * caller's roles, then the handler; every answer carries Graph's {@code request-id}, {@code
 * client-request-id} and error shape. {@code /beta} serves what {@code /v1.0} serves. Requests
 * inside a {@code $batch} take the same path, with the batch's caller.
 */
public final class GraphServer implements RequestHandler {
    public static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    public static final String TEXT_CONTENT_TYPE = "text/plain;charset=utf-8";
    private static final Set<String> VERSIONS = Set.of("v1.0", "beta");
    private static final DateTimeFormatter INNER_ERROR_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Longer client-request-id values are replaced, not echoed. */
    private static final int MAX_CLIENT_REQUEST_ID = 200;
    /** {@code servicePrincipals(appId='...')}: an entity set with a key in parentheses. */
    private static final Pattern KEY_SEGMENT = Pattern.compile("([A-Za-z]+)(\\(.*\\))");

    private final URI graphEndpoint;
    private final String wwwAuthenticate;
    private final AccessTokenValidator validator;
    private final GraphRouter router;
    private final Throttler throttler;
    private final Clock clock;

    /**
     * One answer, before the common headers: what a response or a batch response item carries.
     *
     * @param json the JSON body as UTF-8, or null
     * @param text a plain-text body, or null
     */
    record Answer(int status, Map<String, String> headers, byte[] json, String text) {}

    public GraphServer(
            URI graphEndpoint,
            URI loginEndpoint,
            AccessTokenValidator validator,
            Directory directory,
            Throttler throttler,
            Clock clock) {
        this.graphEndpoint = graphEndpoint;
        this.wwwAuthenticate = "Bearer realm=\"\", authorization_uri=\"" + loginEndpoint
                + "/common/oauth2/authorize\", client_id=\"" + GraphResource.APP_ID + "\"";
        this.validator = validator;
        this.throttler = throttler;
        this.clock = clock;
        this.router = routes(directory, new BatchHandler(this::execute));
    }

    /** Every operation this emulator serves; the permission table names the roles each needs. */
    private static GraphRouter routes(Directory directory, BatchHandler batch) {
        GraphRouter router = new GraphRouter();
        Listings listings = new Listings(new SkipTokens());
        OrganizationHandler organization = new OrganizationHandler(directory);
        ReadHandlers read = new ReadHandlers(directory, listings);
        UserWrites users = new UserWrites(directory);
        GroupWrites groups = new GroupWrites(directory);
        ApplicationWrites applications = new ApplicationWrites(directory);
        KeyRollover keys = new KeyRollover(directory);
        router.get("/", new ServiceDocumentHandler(router)::get)
                .add("POST", "/$batch", batch::handle)
                .get("/organization", organization::list)
                .get("/me", read::me)
                // users
                .get("/users", read.list(EntityTypes.USER, TenantObjects::usersView))
                .get("/users/$count", read.count(EntityTypes.USER, TenantObjects::usersView))
                .add("POST", "/users", users::create)
                .get("/users/{id}", read.single(USER, "users"))
                .add("PATCH", "/users/{id}", users::update)
                .add("DELETE", "/users/{id}", users::delete)
                .get("/users/{id}/manager", read::manager)
                .get("/users/{id}/directReports", read.related(USER, EntityTypes.USER, TenantObjects::directReports))
                .get("/users/{id}/memberOf", read.related(USER, EntityTypes.GROUP, TenantObjects::memberOf))
                .get(
                        "/users/{id}/transitiveMemberOf",
                        read.related(USER, EntityTypes.GROUP, TenantObjects::transitiveMemberOf))
                .get("/users/{id}/memberOf/{type}", read.castRelated(USER, TenantObjects::memberOf))
                .get("/users/{id}/transitiveMemberOf/{type}", read.castRelated(USER, TenantObjects::transitiveMemberOf))
                // groups
                .get("/groups", read.list(EntityTypes.GROUP, TenantObjects::groupsView))
                .get("/groups/$count", read.count(EntityTypes.GROUP, TenantObjects::groupsView))
                .add("POST", "/groups", groups::create)
                .get("/groups/{id}", read.single(GROUP, "groups"))
                .add("PATCH", "/groups/{id}", groups::update)
                .add("DELETE", "/groups/{id}", groups::delete)
                .get("/groups/{id}/members", read.related(GROUP, EntityTypes.USER, TenantObjects::members))
                .get("/groups/{id}/members/$count", read.countRelated(GROUP, EntityTypes.USER, TenantObjects::members))
                .get(
                        "/groups/{id}/transitiveMembers",
                        read.related(GROUP, EntityTypes.USER, TenantObjects::transitiveMembers))
                .get(
                        "/groups/{id}/transitiveMembers/$count",
                        read.countRelated(GROUP, EntityTypes.USER, TenantObjects::transitiveMembers))
                .get("/groups/{id}/owners", read.related(GROUP, EntityTypes.USER, TenantObjects::owners))
                .get("/groups/{id}/members/{type}", read.castRelated(GROUP, TenantObjects::members))
                .get("/groups/{id}/members/{type}/$count", read.countCastRelated(GROUP, TenantObjects::members))
                .get("/groups/{id}/transitiveMembers/{type}", read.castRelated(GROUP, TenantObjects::transitiveMembers))
                .get(
                        "/groups/{id}/transitiveMembers/{type}/$count",
                        read.countCastRelated(GROUP, TenantObjects::transitiveMembers))
                .get("/groups/{id}/owners/{type}", read.castRelated(GROUP, TenantObjects::owners))
                .get("/groups/{id}/memberOf", read.related(GROUP, EntityTypes.GROUP, TenantObjects::memberOf))
                .get(
                        "/groups/{id}/transitiveMemberOf",
                        read.related(GROUP, EntityTypes.GROUP, TenantObjects::transitiveMemberOf))
                .add("POST", "/groups/{id}/members/$ref", groups::addMember)
                .add("DELETE", "/groups/{id}/members/{memberId}/$ref", groups::removeMember)
                .add("POST", "/groups/{id}/owners/$ref", groups::addOwner)
                .add("DELETE", "/groups/{id}/owners/{ownerId}/$ref", groups::removeOwner)
                // applications
                .get("/applications", read.list(EntityTypes.APPLICATION, TenantObjects::applicationsView))
                .get("/applications/$count", read.count(EntityTypes.APPLICATION, TenantObjects::applicationsView))
                .add("POST", "/applications", applications::create)
                .get("/applications/{id}", read.single(APPLICATION, "applications"))
                .add("PATCH", "/applications/{id}", applications::update)
                .add("DELETE", "/applications/{id}", applications::delete)
                .add("POST", "/applications/{id}/addPassword", applications::addPassword)
                .add("POST", "/applications/{id}/removePassword", applications::removePassword)
                .add("POST", "/applications/{id}/addKey", keys::addKey)
                .add("POST", "/applications/{id}/removeKey", keys::removeKey)
                // service principals
                .get(
                        "/servicePrincipals",
                        read.list(EntityTypes.SERVICE_PRINCIPAL, TenantObjects::servicePrincipalsView))
                .get(
                        "/servicePrincipals/$count",
                        read.count(EntityTypes.SERVICE_PRINCIPAL, TenantObjects::servicePrincipalsView))
                .get("/servicePrincipals/{id}", read.single(SERVICE_PRINCIPAL, "servicePrincipals"))
                .get(
                        "/servicePrincipals/{id}/appRoleAssignments",
                        read.assignments("appRoleAssignments", TenantObjects::appRoleAssignments))
                .get(
                        "/servicePrincipals/{id}/appRoleAssignedTo",
                        read.assignments("appRoleAssignedTo", TenantObjects::appRoleAssignedTo))
                .get(
                        "/servicePrincipals/{id}/memberOf",
                        read.related(SERVICE_PRINCIPAL, EntityTypes.GROUP, TenantObjects::memberOf))
                // devices
                .get("/devices", read.list(EntityTypes.DEVICE, TenantObjects::devicesView))
                .get("/devices/$count", read.count(EntityTypes.DEVICE, TenantObjects::devicesView))
                .get("/devices/{id}", read.single(DEVICE, "devices"))
                .get("/devices/{id}/memberOf", read.related(DEVICE, EntityTypes.GROUP, TenantObjects::memberOf))
                // any object
                .get("/directoryObjects/{id}", read::getDirectoryObject);
        return router;
    }

    public GraphRouter router() {
        return router;
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        String requestId = Guids.random();
        String clientRequestId = request.header("client-request-id")
                .map(String::strip)
                .filter(id -> !id.isEmpty() && id.length() <= MAX_CLIENT_REQUEST_ID)
                .orElseGet(Guids::random);
        Answer answer = execute(new Call(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                request.headers(),
                request.body(),
                request.receivedAt(),
                null,
                requestId,
                clientRequestId));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("request-id", requestId);
        headers.put("client-request-id", clientRequestId);
        headers.put("OData-Version", "4.0");
        headers.put("Cache-Control", "no-cache");
        headers.putAll(answer.headers());
        if (answer.text() != null) {
            headers.put("Content-Type", TEXT_CONTENT_TYPE);
            return new ServerResponse(answer.status(), headers, answer.text().getBytes(StandardCharsets.UTF_8));
        }
        if (answer.json() == null) {
            return new ServerResponse(answer.status(), headers, new byte[0]);
        }
        headers.put("Content-Type", CONTENT_TYPE);
        return new ServerResponse(answer.status(), headers, answer.json());
    }

    /**
     * One request to execute: from the wire (caller null: the token is validated) or from a batch.
     *
     * @param rawPath the path from the version on, e.g. "/v1.0/users", still percent-encoded
     */
    record Call(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            Instant receivedAt,
            GraphCaller caller,
            String requestId,
            String clientRequestId) {}

    /** Runs one request through the whole pipeline; never throws. */
    Answer execute(Call call) {
        try {
            GraphResponse response = respond(call);
            byte[] json = response.jsonBytes();
            return new Answer(response.status(), response.headers(), json, response.text());
        } catch (GraphException e) {
            Map<String, String> headers = new LinkedHashMap<>(e.headers());
            if (e.status() == 401) {
                headers.put("WWW-Authenticate", wwwAuthenticate);
            }
            return new Answer(
                    e.status(), headers, errorBody(e, call.requestId(), call.clientRequestId(), clock.instant()), null);
        }
    }

    private GraphResponse respond(Call call) throws GraphException {
        List<String> segments = segments(call.rawPath());
        String version = segments.isEmpty() ? "" : segments.get(0).toLowerCase(Locale.ROOT);
        if (!VERSIONS.contains(version)) {
            throw GraphException.invalidVersion(segments.isEmpty() ? "" : segments.get(0));
        }
        GraphCaller caller =
                call.caller() != null ? call.caller() : validator.validate(header(call.headers(), "Authorization"));
        List<String> path = segments.subList(1, segments.size());
        throttler.check(caller, call.method(), String.join("/", path));
        QueryOptions query = QueryOptions.parse(call.rawQuery());
        GraphRouter.Match match = router.resolve(call.method(), path);
        if (!match.route().allows(caller.roles())) {
            throw GraphException.insufficientPrivileges();
        }
        GraphRequest graphRequest = new GraphRequest(
                call.method(),
                graphEndpoint + "/" + version,
                version,
                pathBelowVersion(call.rawPath()),
                path,
                match.pathParameters(),
                query,
                call.headers(),
                call.body(),
                caller,
                call.receivedAt());
        return match.route().handler().handle(graphRequest);
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static byte[] errorBody(GraphException e, String requestId, String clientRequestId, Instant now) {
        return ByteArrayJson.of(out -> writeError(out, e, requestId, clientRequestId, now));
    }

    private static void writeError(
            JsonWriter out, GraphException e, String requestId, String clientRequestId, Instant now)
            throws IOException {
        out.beginObject();
        out.name("error").beginObject();
        out.name("code").value(e.code());
        out.name("message").value(e.getMessage());
        out.name("innerError").beginObject();
        out.name("date").value(INNER_ERROR_DATE.format(now.truncatedTo(ChronoUnit.SECONDS)));
        out.name("request-id").value(requestId);
        out.name("client-request-id").value(clientRequestId);
        out.endObject();
        out.endObject();
        out.endObject();
    }

    /** The path after the version segment, as sent. */
    private static String pathBelowVersion(String rawPath) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? "" : trimmed.substring(slash + 1);
    }

    /** Decoded segments; {@code entitySet(key)} becomes two segments, {@code entitySet} and {@code (key)}. */
    static List<String> segments(String rawPath) throws GraphException {
        try {
            List<String> segments = new ArrayList<>();
            for (String raw : rawPath.split("/")) {
                if (raw.isEmpty()) {
                    continue;
                }
                String segment = UrlEncodedForm.decodePathSegment(raw);
                Matcher keyed = KEY_SEGMENT.matcher(segment);
                if (keyed.matches()) {
                    segments.add(keyed.group(1));
                    segments.add(keyed.group(2));
                } else {
                    segments.add(segment);
                }
            }
            return segments;
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("The request URI is not valid: " + e.getMessage());
        }
    }
}

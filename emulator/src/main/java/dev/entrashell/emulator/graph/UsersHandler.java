package dev.entrashell.emulator.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.User;

/** {@code GET /users} (paged) and {@code GET /users/{id | userPrincipalName}}. */
public final class UsersHandler {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 999;

    private final Directory directory;
    private final SkipTokens skipTokens;

    public UsersHandler(Directory directory, SkipTokens skipTokens) {
        this.directory = directory;
        this.skipTokens = skipTokens;
    }

    public GraphResponse list(GraphRequest request) throws GraphException {
        QueryOptions query = request.query();
        UnsupportedQueries.reject(query, "skip", "filter", "search", "orderby", "count", "expand");
        int pageSize = query.pageSize(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        List<UserJson.Property> properties = UserJson.selection(query.get("select"));
        String listing = request.caller().tenantId() + "|users";
        int offset = query.has("skiptoken")
                ? skipTokens.decode(listing, query.get("skiptoken").orElseThrow())
                : 0;

        List<User> users = directory.users(request.caller().tenantId()).all();
        int from = Math.min(offset, users.size());
        int to = Math.min(from + pageSize, users.size());
        JsonArray value = new JsonArray();
        for (User user : users.subList(from, to)) {
            value.add(UserJson.write(user, properties));
        }

        JsonObject body = new JsonObject();
        body.addProperty(
                "@odata.context",
                request.serviceRoot() + "/$metadata#users"
                        + UserJson.contextSelection(query.get("select"), properties));
        if (to < users.size()) {
            body.addProperty("@odata.nextLink", nextLink(request, skipTokens.encode(listing, to)));
        }
        body.add("value", value);
        return GraphResponse.ok(body);
    }

    public GraphResponse get(GraphRequest request) throws GraphException {
        QueryOptions query = request.query();
        UnsupportedQueries.reject(query, "expand");
        List<UserJson.Property> properties = UserJson.selection(query.get("select"));
        String key = request.pathParameter("id");
        User user = directory
                .users(request.caller().tenantId())
                .findByIdOrUserPrincipalName(key)
                .orElseThrow(() -> GraphException.resourceNotFound(key));
        JsonObject body = new JsonObject();
        body.addProperty(
                "@odata.context",
                request.serviceRoot() + "/$metadata#users" + UserJson.contextSelection(query.get("select"), properties)
                        + "/$entity");
        UserJson.write(user, properties).entrySet().forEach(entry -> body.add(entry.getKey(), entry.getValue()));
        return GraphResponse.ok(body);
    }

    /** The next page's URL: the same options, with the new {@code $skiptoken}. */
    private static String nextLink(GraphRequest request, String skipToken) {
        StringBuilder link = new StringBuilder(request.serviceRoot()).append("/users?");
        Optional<String> top = request.query().get("top");
        top.ifPresent(value -> link.append("$top=").append(value.strip()).append('&'));
        request.query().get("select").ifPresent(value -> link.append("$select=")
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .append('&'));
        return link.append("$skiptoken=").append(skipToken).toString();
    }
}

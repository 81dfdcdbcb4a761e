package dev.entrashell.emulator.graph;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.gson.stream.JsonWriter;

import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.query.EntityType;
import dev.entrashell.emulator.graph.query.EntityTypes;
import dev.entrashell.emulator.graph.query.Expansion;
import dev.entrashell.emulator.graph.query.OrderBy;
import dev.entrashell.emulator.graph.query.Selection;

/**
 * Lists, counts and writes directory objects the way Graph does: {@code $select}, {@code
 * $filter}, {@code $search}, {@code $orderby}, {@code $expand}, {@code $top}, {@code $count} with
 * the advanced-query rules, and paging by {@code @odata.nextLink} whose skip token carries the
 * query. A page is found from the position in the token (no copy of the collection) and written
 * straight to the response; filters scan from there only until the page is full.
 */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
public final class Listings {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 999;
    /** Graph's page size limit when sign-in activity is selected or filtered. */
    static final int SIGN_IN_ACTIVITY_PAGE_SIZE = 120;

    /** Options a listing's skip token keeps, in the order links repeat them. */
    private static final List<String> LISTING_OPTIONS =
            List.of("top", "select", "filter", "search", "orderby", "count", "expand");

    /** Options that only apply to collections. */
    private static final List<String> COLLECTION_OPTIONS =
            List.of("filter", "orderby", "count", "skip", "top", "search");

    /**
     * What to list.
     *
     * @param type the collection's type (the type filters and orderby refer to)
     * @param mixed a {@code directoryObject} collection: each object says its {@code @odata.type}
     * @param context the {@code @odata.context} after {@code $metadata#}, e.g. "users" or "directoryObjects"
     * @param items the objects in their natural order; called while the tenant's read lock is held
     * @param sortCacheKey names a main collection whose sorted orders may be cached, or null
     */
    public record Source(
            EntityType<?> type, boolean mixed, String context, Supplier<List<?>> items, String sortCacheKey) {}

    private final SkipTokens skipTokens;

    public Listings(SkipTokens skipTokens) {
        this.skipTokens = skipTokens;
    }

    // ---- collections -----------------------------------------------------------------------------

    public GraphResponse list(GraphRequest request, TenantObjects objects, Source source) throws GraphException {
        String binding = request.caller().tenantId() + "|" + canonicalPath(request);
        Optional<String> skipToken = request.query().get("skiptoken");
        SkipTokens.Cursor cursor = null;
        if (skipToken.isPresent()) {
            cursor = skipTokens.decode(binding, skipToken.get());
            request = request.withQuery(restore(request.query(), cursor));
        }
        QueryOptions query = request.query();
        ListingPlan.rejectUnsupported(query);
        ListingPlan plan = ListingPlan.of(request, source, true);
        int pageSize = query.pageSize(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        if (plan.signInActivity()) {
            pageSize = Math.min(pageSize, SIGN_IN_ACTIVITY_PAGE_SIZE);
        }

        try (TenantObjects.Held held = objects.read()) {
            List<?> items = ordered(objects, source, plan.order());
            int start = cursor == null ? 0 : resume(items, cursor);
            List<Object> page = new ArrayList<>(Math.min(pageSize, 1024));
            int next = start;
            while (next < items.size() && page.size() < pageSize) {
                Object item = items.get(next++);
                if (plan.matches(item)) {
                    page.add(item);
                }
            }
            boolean more = false;
            for (int i = next; i < items.size(); i++) {
                if (plan.matches(items.get(i))) {
                    more = true;
                    break;
                }
            }
            Integer count = null;
            if (plan.count() && cursor == null) {
                count = plan.filtered() ? countMatches(items, plan) : items.size();
            }
            String nextLink = null;
            if (more) {
                Map<String, String> options = listingOptions(query);
                String token = skipTokens.encode(
                        binding, new SkipTokens.Cursor(options, next, idOf(page.get(page.size() - 1))));
                nextLink = nextLink(request, options, token);
            }
            return GraphResponse.okJson(ListingJson.page(request, objects, source, plan, page, count, nextLink));
        }
    }

    /**
     * {@code GET /users/$count}: a plain number, only with ConsistencyLevel: eventual. Without it,
     * Graph answers 400 Request_BadRequest "$count is not currently supported." (the error-handling
     * section of Microsoft's "Advanced query capabilities" page, microsoft-graph-docs-contrib
     * concepts/aad-advanced-queries.md @01a90577); no published answer shows Request_UnsupportedQuery
     * for this case, which Graph uses for the other advanced-query refusals.
     */
    public GraphResponse count(GraphRequest request, TenantObjects objects, Source source) throws GraphException {
        if (!request.eventual()) {
            throw GraphException.directoryBadRequest("$count is not currently supported.");
        }
        ListingPlan.rejectUnsupported(request.query());
        ListingPlan plan = ListingPlan.of(request, source, false);
        try (TenantObjects.Held held = objects.read()) {
            List<?> items = source.items().get();
            return GraphResponse.text(Integer.toString(plan.filtered() ? countMatches(items, plan) : items.size()));
        }
    }

    // ---- single objects --------------------------------------------------------------------------

    /**
     * One object, as {@code GET /users/{id}} answers.
     *
     * @param context e.g. "users" or "directoryObjects"; "/$entity" is added
     * @param mixed write {@code @odata.type}
     */
    public GraphResponse single(
            GraphRequest request, TenantObjects objects, Object object, String context, boolean mixed)
            throws GraphException {
        QueryOptions query = request.query();
        for (String option : COLLECTION_OPTIONS) {
            if (query.has(option)) {
                throw GraphException.badRequest("The query specified in the URI is not valid. The requested resource"
                        + " is not a collection. Query options $filter, $orderby, $count, $skip, and $top can be"
                        + " applied only on collections.");
            }
        }
        ListingPlan.rejectUnsupported(query);
        EntityType<?> type = EntityTypes.of(object);
        Selection selection = Selection.parse(query.get("select"), List.of(type));
        Expansion expansion = Expansion.parse(query.get("expand"), type);
        ListingPlan.requireRoles(request, selection.requiredRoles(type));
        try (TenantObjects.Held held = objects.read()) {
            ByteArrayJson json = new ByteArrayJson();
            JsonWriter out = json.writer();
            out.beginObject();
            out.name("@odata.context")
                    .value(request.serviceRoot() + "/$metadata#" + context + selection.contextSuffix() + "/$entity");
            ListingJson.writeBody(out, objects, object, selection, expansion, mixed);
            out.endObject();
            return GraphResponse.okJson(json.bytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- paging ----------------------------------------------------------------------------------

    private static List<?> ordered(TenantObjects objects, Source source, OrderBy order) {
        List<?> items = source.items().get();
        if (order == null) {
            return items;
        }
        Comparator<Object> comparator = order.comparator(source.type());
        if (source.sortCacheKey() != null) {
            return objects.sorted(source.sortCacheKey() + "|" + order.key(), items, comparator);
        }
        List<Object> copy = new ArrayList<>(items);
        copy.sort(comparator);
        return copy;
    }

    /** Where the next page starts: after the last object of the previous one, wherever it is now. */
    private static int resume(List<?> items, SkipTokens.Cursor cursor) {
        int index = cursor.index();
        if (cursor.lastId() == null) {
            return Math.min(Math.max(index, 0), items.size());
        }
        if (index > 0 && index <= items.size() && cursor.lastId().equals(idOf(items.get(index - 1)))) {
            return index;
        }
        for (int i = 0; i < items.size(); i++) {
            if (cursor.lastId().equals(idOf(items.get(i)))) {
                return i + 1;
            }
        }
        return Math.min(Math.max(index - 1, 0), items.size());
    }

    private static int countMatches(List<?> items, ListingPlan plan) {
        int count = 0;
        for (Object item : items) {
            if (plan.matches(item)) {
                count++;
            }
        }
        return count;
    }

    /** A skip token's options must match the request's, which may repeat them or leave them out. */
    private static QueryOptions restore(QueryOptions query, SkipTokens.Cursor cursor) throws GraphException {
        Map<String, String> system = new LinkedHashMap<>(query.system());
        for (String option : LISTING_OPTIONS) {
            String saved = cursor.options().get(option);
            Optional<String> given = query.get(option);
            if (given.isPresent() && !given.get().strip().equals(saved)) {
                throw GraphException.directoryBadRequest("Invalid Skip Token");
            }
            if (saved != null) {
                system.put(option, saved);
            }
        }
        return new QueryOptions(system, query.custom());
    }

    private static Map<String, String> listingOptions(QueryOptions query) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : LISTING_OPTIONS) {
            query.get(option).ifPresent(value -> options.put(option, value.strip()));
        }
        return options;
    }

    /** The same collection with the same options and the new skip token. */
    private static String nextLink(GraphRequest request, Map<String, String> options, String token) {
        StringBuilder link = new StringBuilder(request.serviceRoot())
                .append('/')
                .append(request.path())
                .append('?');
        options.forEach((name, value) ->
                link.append('$').append(name).append('=').append(encode(value)).append('&'));
        return link.append("$skiptoken=").append(token).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2C", ",")
                .replace("%27", "'")
                .replace("%28", "(")
                .replace("%29", ")")
                .replace("%2F", "/")
                .replace("%3A", ":")
                .replace("%24", "$");
    }

    private static String canonicalPath(GraphRequest request) {
        return String.join("/", request.segments()).toLowerCase(Locale.ROOT);
    }

    static String idOf(Object object) {
        return idOfTyped(EntityTypes.of(object), object);
    }

    private static <T> String idOfTyped(EntityType<T> type, Object object) {
        return type.idOf(type.cast(object));
    }
}

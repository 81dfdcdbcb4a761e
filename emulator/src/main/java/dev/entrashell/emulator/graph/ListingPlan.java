package dev.entrashell.emulator.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.query.EntityType;
import dev.entrashell.emulator.graph.query.EntityTypes;
import dev.entrashell.emulator.graph.query.Expansion;
import dev.entrashell.emulator.graph.query.Filter;
import dev.entrashell.emulator.graph.query.OrderBy;
import dev.entrashell.emulator.graph.query.Search;
import dev.entrashell.emulator.graph.query.Selection;

/**
 * The checked query of a listing: {@code $select}, {@code $expand}, {@code $filter}, {@code $search},
 * {@code $orderby} and {@code $count} parsed and checked against the collection's type with Graph's
 * advanced-query rules, and the roles the selected properties need.
 */
final class ListingPlan {
    private Selection selection;
    private Expansion expansion;
    private Filter filter;
    private Search search;
    private OrderBy order;
    private boolean count;
    private boolean signInActivity;

    private ListingPlan() {}

    Selection selection() {
        return selection;
    }

    Expansion expansion() {
        return expansion;
    }

    OrderBy order() {
        return order;
    }

    /** {@code $count=true} with ConsistencyLevel: eventual: the listing says how many objects match. */
    boolean count() {
        return count;
    }

    /** Sign-in activity is selected or filtered: Graph pages by at most 120. */
    boolean signInActivity() {
        return signInActivity;
    }

    boolean filtered() {
        return filter != null || search != null;
    }

    boolean matches(Object item) {
        return (filter == null || filter.matches(item)) && (search == null || search.matches(item));
    }

    /** Parses and checks the query of a listing (or, with {@code listing} false, of a {@code /$count}). */
    static ListingPlan of(GraphRequest request, Listings.Source source, boolean listing) throws GraphException {
        QueryOptions query = request.query();
        EntityType<?> type = source.type();
        boolean eventual = request.eventual();
        // a /$count segment is itself an advanced query (the caller has checked the header)
        boolean countTrue = listing ? bool(query.get("count")) : true;
        boolean advanced = eventual && countTrue;
        ListingPlan plan = new ListingPlan();
        plan.count = listing && countTrue && eventual;
        plan.selection = Selection.parse(query.get("select"), source.mixed() ? mixedTypes(type) : List.of(type));
        plan.expansion = Expansion.parse(query.get("expand"), type);
        Set<String> roles = new LinkedHashSet<>(plan.selection.requiredRoles(type));
        if (query.get("filter").filter(f -> !f.isBlank()).isPresent()) {
            plan.filter = Filter.parse(query.get("filter").get());
            Set<String> used = plan.filter.check(type, advanced);
            if (used.contains("signinactivity")) {
                roles.add(EntityTypes.SIGN_IN_ACTIVITY_ROLE);
            }
        }
        if (query.get("search").filter(s -> !s.isBlank()).isPresent()) {
            if (!eventual) {
                throw GraphException.unsupportedQuery("Request with $search query parameter only works through"
                        + " MSGraph with a special request header: 'ConsistencyLevel: eventual'");
            }
            plan.search = Search.parse(query.get("search").get());
            plan.search.check(type);
        }
        if (query.get("orderby").filter(o -> !o.isBlank()).isPresent()) {
            plan.order = OrderBy.parse(query.get("orderby").get());
            plan.order.check(type, advanced, plan.filter != null);
        }
        plan.signInActivity = roles.contains(EntityTypes.SIGN_IN_ACTIVITY_ROLE);
        requireRoles(request, roles);
        return plan;
    }

    private static List<EntityType<?>> mixedTypes(EntityType<?> primary) {
        List<EntityType<?>> types = new ArrayList<>();
        types.add(primary);
        EntityTypes.DIRECTORY_OBJECT_TYPES.stream().filter(t -> t != primary).forEach(types::add);
        return types;
    }

    static void requireRoles(GraphRequest request, Set<String> roles) throws GraphException {
        for (String role : roles) {
            if (!request.caller().roles().contains(role)) {
                throw GraphException.insufficientPrivileges();
            }
        }
    }

    private static boolean bool(Optional<String> value) throws GraphException {
        if (value.isEmpty()) {
            return false;
        }
        String text = value.get().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        throw GraphException.badRequest("Invalid value '" + value.get() + "' for $count query option found. The $count"
                + " query option requires a Boolean value.");
    }

    static void rejectUnsupported(QueryOptions query) throws GraphException {
        if (query.has("skip")) {
            throw GraphException.directoryBadRequest("'$skip' is not supported by the service.");
        }
        for (String option : List.of("format", "apply", "levels", "deltatoken")) {
            if (query.has(option)) {
                throw GraphException.unsupportedQuery(
                        "The query option '$" + option + "' is not supported by the Entra Shell emulator.");
            }
        }
    }
}

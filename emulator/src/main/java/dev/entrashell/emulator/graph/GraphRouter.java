package dev.entrashell.emulator.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.permission.GraphPermissions;

/**
 * Routes (method, path pattern) to handlers. Patterns are paths below the API version with
 * {@code {name}} for one variable segment, e.g. {@code /users/{id}}; literal segments match
 * case-insensitively, as Graph's do, and win over variables when both match (so a later
 * {@code /users/delta} is not taken for a user id). The permission map supplies each route's
 * allowed roles.
 */
public final class GraphRouter {

    /** A handler of one operation. */
    @FunctionalInterface
    public interface Handler {
        GraphResponse handle(GraphRequest request) throws GraphException;
    }

    /**
     * One registered operation. Its roles come from Microsoft's permission map when first asked, so
     * starting the emulator (before the shell's first prompt, in demo mode) does not read the map;
     * GraphRouterTest checks that every route the server registers has an entry.
     */
    public record Route(String method, String pattern, List<String> segments, Handler handler) {
        /** The roles that allow this operation, least privileged first; empty when any app may call it. */
        public Set<String> allowedRoles() {
            return GraphPermissions.allowedRoles(method, pattern)
                    .orElseThrow(() ->
                            new IllegalStateException("GraphPermissions has no entry for " + method + " " + pattern));
        }

        /** True when the caller holds one of the roles that allow this operation. */
        public boolean allows(Set<String> callerRoles) {
            Set<String> allowed = allowedRoles();
            return allowed.isEmpty() || allowed.stream().anyMatch(callerRoles::contains);
        }
    }

    /** The route chosen for a request, and the values of its variable segments. */
    public record Match(Route route, Map<String, String> pathParameters) {}

    private final List<Route> routes = new ArrayList<>();

    public GraphRouter get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public GraphRouter add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, split(pattern), handler));
        return this;
    }

    /**
     * @param path decoded segments below the version
     * @throws GraphException 400 naming the first segment no route knows, or 405 when the path is
     *     known but not for this method
     */
    public Match resolve(String method, List<String> path) throws GraphException {
        List<Route> pathMatches = new ArrayList<>();
        for (Route route : routes) {
            if (matches(route.segments(), path)) {
                pathMatches.add(route);
            }
        }
        if (pathMatches.isEmpty()) {
            throw GraphException.segmentNotFound(path.get(firstUnknownSegment(path)));
        }
        Route best = null;
        for (Route route : pathMatches) {
            if (route.method().equals(method) && (best == null || moreSpecific(route, best, path))) {
                best = route;
            }
        }
        if (best == null) {
            Set<String> allowed = new LinkedHashSet<>();
            pathMatches.forEach(route -> allowed.add(route.method()));
            throw GraphException.methodNotAllowed(String.join(", ", allowed));
        }
        return new Match(best, parameters(best.segments(), path));
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    private static boolean matches(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            if (!isVariable(pattern.get(i)) && !pattern.get(i).equalsIgnoreCase(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first segment that no route's pattern accepts at that position, given the ones before. */
    private int firstUnknownSegment(List<String> path) {
        int known = 0;
        for (Route route : routes) {
            List<String> pattern = route.segments();
            int i = 0;
            while (i < pattern.size()
                    && i < path.size()
                    && (isVariable(pattern.get(i)) || pattern.get(i).equalsIgnoreCase(path.get(i)))) {
                i++;
            }
            known = Math.max(known, i);
        }
        return Math.min(known, path.size() - 1);
    }

    /** A literal segment beats a variable at the first position where the two patterns differ. */
    private static boolean moreSpecific(Route candidate, Route current, List<String> path) {
        for (int i = 0; i < path.size(); i++) {
            boolean candidateLiteral = !isVariable(candidate.segments().get(i));
            boolean currentLiteral = !isVariable(current.segments().get(i));
            if (candidateLiteral != currentLiteral) {
                return candidateLiteral;
            }
        }
        return false;
    }

    private static Map<String, String> parameters(List<String> pattern, List<String> path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            if (isVariable(pattern.get(i))) {
                parameters.put(pattern.get(i).substring(1, pattern.get(i).length() - 1), path.get(i));
            }
        }
        return parameters;
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> split(String pattern) {
        return Arrays.stream(pattern.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}

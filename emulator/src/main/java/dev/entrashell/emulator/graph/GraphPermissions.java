package dev.entrashell.emulator.graph;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which application permissions (app roles) allow each Graph operation: the data behind the 403s,
 * in one table. Keys are "METHOD /pattern" exactly as routes are registered; the sets are the
 * permissions Graph's reference lists for the operation, least privileged first in the docs.
 * Every route must have an entry (the router refuses a route without one).
 */
public final class GraphPermissions {
    /** For operations any authenticated app may call. */
    public static final Set<String> NO_ROLE_REQUIRED = Set.of();

    private static final Set<String> READ_ORGANIZATION = Set.of(
            "Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    private static final Set<String> READ_USERS = Set.of(
            "User.ReadBasic.All",
            "User.Read.All",
            "User.ReadWrite.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All");

    private static final Map<String, Set<String>> ALLOWED_ROLES = Map.ofEntries(
            Map.entry("GET /", NO_ROLE_REQUIRED),
            Map.entry("GET /organization", READ_ORGANIZATION),
            Map.entry("GET /users", READ_USERS),
            Map.entry("GET /users/{id}", READ_USERS));

    private GraphPermissions() {}

    public static Optional<Set<String>> allowedRoles(String method, String pattern) {
        return Optional.ofNullable(ALLOWED_ROLES.get(method + " " + pattern));
    }

    public static Map<String, Set<String>> table() {
        return ALLOWED_ROLES;
    }
}

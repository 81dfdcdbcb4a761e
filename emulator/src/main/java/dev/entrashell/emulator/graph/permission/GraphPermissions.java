package dev.entrashell.emulator.graph.permission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which application permissions (app roles) allow each Graph operation: the data behind the 403s,
 * in one table. Keys are "METHOD /pattern" exactly as routes are registered ({@code {id}} is any
 * segment); a caller needs ANY ONE of the roles in the set. The sets follow the permission tables
 * of Graph's API reference. Every route must have an entry (the router refuses a route without
 * one).
 *
 * <p>Besides the operation's roles, some properties need one more role to be read at all; see
 * {@link #PROPERTY_ROLES}.
 *
 * <p>The shell keeps its own copy of these facts (to name the missing role in a 403): keep this
 * table plain data.
 */
public final class GraphPermissions {
    /** For operations any authenticated app may call. */
    public static final Set<String> NO_ROLE_REQUIRED = Set.of();

    // Role sets, least privileged first.
    static final Set<String> READ_ORGANIZATION = roles(
            "Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> READ_USERS = roles(
            "User.ReadBasic.All",
            "User.Read.All",
            "User.ReadWrite.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All");
    static final Set<String> READ_USER_RELATIONS =
            roles("User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> WRITE_USERS = roles("User.ReadWrite.All", "Directory.ReadWrite.All");
    static final Set<String> READ_MEMBERSHIPS = roles(
            "GroupMember.Read.All",
            "Group.Read.All",
            "GroupMember.ReadWrite.All",
            "Group.ReadWrite.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All");
    static final Set<String> READ_GROUPS = READ_MEMBERSHIPS;
    static final Set<String> WRITE_GROUPS = roles("Group.ReadWrite.All", "Directory.ReadWrite.All");
    static final Set<String> WRITE_MEMBERS =
            roles("GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All");
    static final Set<String> READ_APPLICATIONS =
            roles("Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> WRITE_APPLICATIONS = roles("Application.ReadWrite.All");
    static final Set<String> READ_APP_ROLE_ASSIGNMENTS = roles(
            "Application.Read.All",
            "AppRoleAssignment.ReadWrite.All",
            "Application.ReadWrite.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All");
    static final Set<String> READ_DEVICES =
            roles("Device.Read.All", "Device.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> READ_DIRECTORY_OBJECTS = roles("Directory.Read.All", "Directory.ReadWrite.All");

    private static final Map<String, Set<String>> ALLOWED_ROLES = new LinkedHashMap<>();

    static {
        allow("GET /", NO_ROLE_REQUIRED);
        allow("POST /$batch", NO_ROLE_REQUIRED); // each request inside is checked on its own
        allow("GET /organization", READ_ORGANIZATION);
        allow("GET /me", NO_ROLE_REQUIRED); // always 400 for app-only tokens, as in Graph

        allow("GET /users", READ_USERS);
        allow("GET /users/$count", READ_USERS);
        allow("POST /users", WRITE_USERS);
        allow("GET /users/{id}", READ_USERS);
        allow("PATCH /users/{id}", WRITE_USERS);
        allow("DELETE /users/{id}", WRITE_USERS);
        allow("GET /users/{id}/manager", READ_USER_RELATIONS);
        allow("GET /users/{id}/directReports", READ_USER_RELATIONS);
        allow("GET /users/{id}/memberOf", READ_MEMBERSHIPS);
        allow("GET /users/{id}/transitiveMemberOf", READ_MEMBERSHIPS);
        // {type} is an OData cast such as microsoft.graph.group: only objects of that type
        allow("GET /users/{id}/memberOf/{type}", READ_MEMBERSHIPS);
        allow("GET /users/{id}/transitiveMemberOf/{type}", READ_MEMBERSHIPS);

        allow("GET /groups", READ_GROUPS);
        allow("GET /groups/$count", READ_GROUPS);
        allow("POST /groups", WRITE_GROUPS);
        allow("GET /groups/{id}", READ_GROUPS);
        allow("PATCH /groups/{id}", WRITE_GROUPS);
        allow("DELETE /groups/{id}", WRITE_GROUPS);
        allow("GET /groups/{id}/members", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/members/$count", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/transitiveMembers", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/transitiveMembers/$count", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/owners", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/members/{type}", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/members/{type}/$count", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/transitiveMembers/{type}", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/transitiveMembers/{type}/$count", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/owners/{type}", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/memberOf", READ_MEMBERSHIPS);
        allow("GET /groups/{id}/transitiveMemberOf", READ_MEMBERSHIPS);
        allow("POST /groups/{id}/members/$ref", WRITE_MEMBERS);
        allow("DELETE /groups/{id}/members/{memberId}/$ref", WRITE_MEMBERS);
        allow("POST /groups/{id}/owners/$ref", WRITE_GROUPS);
        allow("DELETE /groups/{id}/owners/{ownerId}/$ref", WRITE_GROUPS);

        allow("GET /applications", READ_APPLICATIONS);
        allow("GET /applications/$count", READ_APPLICATIONS);
        allow("POST /applications", WRITE_APPLICATIONS);
        allow("GET /applications/{id}", READ_APPLICATIONS);
        allow("PATCH /applications/{id}", WRITE_APPLICATIONS);
        allow("DELETE /applications/{id}", WRITE_APPLICATIONS);
        allow("POST /applications/{id}/addPassword", WRITE_APPLICATIONS);
        allow("POST /applications/{id}/removePassword", WRITE_APPLICATIONS);
        // an app rolls its own keys with no role; KeyRollover checks who else may
        allow("POST /applications/{id}/addKey", NO_ROLE_REQUIRED);
        allow("POST /applications/{id}/removeKey", NO_ROLE_REQUIRED);

        allow("GET /servicePrincipals", READ_APPLICATIONS);
        allow("GET /servicePrincipals/$count", READ_APPLICATIONS);
        allow("GET /servicePrincipals/{id}", READ_APPLICATIONS);
        allow("GET /servicePrincipals/{id}/appRoleAssignments", READ_APP_ROLE_ASSIGNMENTS);
        allow("GET /servicePrincipals/{id}/appRoleAssignedTo", READ_APP_ROLE_ASSIGNMENTS);
        allow("GET /servicePrincipals/{id}/memberOf", READ_MEMBERSHIPS);

        allow("GET /devices", READ_DEVICES);
        allow("GET /devices/$count", READ_DEVICES);
        allow("GET /devices/{id}", READ_DEVICES);
        allow("GET /devices/{id}/memberOf", READ_MEMBERSHIPS);

        allow("GET /directoryObjects/{id}", READ_DIRECTORY_OBJECTS);
    }

    /**
     * Properties that need a role on top of the operation's: reading them (in {@code $select} or
     * {@code $filter}) without it is a 403. Keys are "type.property".
     */
    public static final Map<String, String> PROPERTY_ROLES = Map.of("user.signInActivity", "AuditLog.Read.All");

    private GraphPermissions() {}

    public static Optional<Set<String>> allowedRoles(String method, String pattern) {
        return Optional.ofNullable(ALLOWED_ROLES.get(method + " " + pattern));
    }

    /** The whole table, in a readable order. */
    public static Map<String, Set<String>> table() {
        return Collections.unmodifiableMap(ALLOWED_ROLES);
    }

    private static void allow(String operation, Set<String> roles) {
        if (ALLOWED_ROLES.put(operation, roles) != null) {
            throw new IllegalStateException("twice in the permission table: " + operation);
        }
    }

    private static Set<String> roles(String... roles) {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(java.util.List.of(roles)));
    }
}

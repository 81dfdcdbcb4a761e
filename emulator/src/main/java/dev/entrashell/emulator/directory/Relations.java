package dev.entrashell.emulator.directory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The relationships between one tenant's directory objects (manager, group members and owners, app
 * role assignments), by object id ignoring case, each kept in both directions so that either side
 * reads in constant time and deleting an object forgets it everywhere.
 *
 * <p>Not thread-safe, and it does not check that objects exist: {@link TenantObjects} guards it with
 * its lock and checks first.
 */
final class Relations {
    private static final Set<String> EMPTY = Set.of();

    private final Map<String, LinkedHashSet<String>> members = new HashMap<>();
    private final Map<String, LinkedHashSet<String>> memberOf = new HashMap<>();
    private final Map<String, LinkedHashSet<String>> owners = new HashMap<>();
    private final Map<String, LinkedHashSet<String>> ownedGroups = new HashMap<>();
    private final Map<String, String> managers = new HashMap<>();
    private final Map<String, LinkedHashSet<String>> directReports = new HashMap<>();
    private final Map<String, List<AppRoleAssignment>> assignmentsByPrincipal = new HashMap<>();
    private final Map<String, List<AppRoleAssignment>> assignmentsByResource = new HashMap<>();

    // ---- reads: ids in the order the relationship was made --------------------------------------

    /** The user's manager's id, or null. */
    String manager(String userId) {
        return managers.get(key(userId));
    }

    Set<String> directReports(String userId) {
        return setOf(directReports, key(userId));
    }

    Set<String> members(String groupId) {
        return setOf(members, key(groupId));
    }

    Set<String> owners(String groupId) {
        return setOf(owners, key(groupId));
    }

    Set<String> memberOf(String objectId) {
        return setOf(memberOf, key(objectId));
    }

    /** Members of the group and, through the members that are groups, of theirs: each id once. */
    Set<String> transitiveMembers(String groupId, Predicate<String> isGroup) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(key(groupId)));
        Set<String> visitedGroups = new HashSet<>(pending);
        while (!pending.isEmpty()) {
            for (String member : setOf(members, pending.removeFirst())) {
                seen.add(member);
                if (isGroup.test(member) && visitedGroups.add(member)) {
                    pending.addLast(member);
                }
            }
        }
        seen.remove(key(groupId));
        return seen;
    }

    /** The groups the object is a member of, directly or through nested groups: each id once. */
    Set<String> transitiveMemberOf(String objectId) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(key(objectId)));
        while (!pending.isEmpty()) {
            for (String group : setOf(memberOf, pending.removeFirst())) {
                if (seen.add(group)) {
                    pending.addLast(group);
                }
            }
        }
        seen.remove(key(objectId));
        return seen;
    }

    boolean isMember(String groupId, String objectId) {
        return setOf(members, key(groupId)).contains(key(objectId));
    }

    List<AppRoleAssignment> appRoleAssignments(String principalId) {
        return List.copyOf(assignmentsByPrincipal.getOrDefault(key(principalId), List.of()));
    }

    List<AppRoleAssignment> appRoleAssignedTo(String resourceId) {
        return List.copyOf(assignmentsByResource.getOrDefault(key(resourceId), List.of()));
    }

    // ---- writes ----------------------------------------------------------------------------------

    void clearManager(String userId) {
        String user = key(userId);
        String old = managers.remove(user);
        if (old != null) {
            removeFrom(directReports, old, user);
        }
    }

    /** Call after {@link #clearManager}: a user has one manager. */
    void setManager(String userId, String managerId) {
        managers.put(key(userId), key(managerId));
        directReports
                .computeIfAbsent(key(managerId), k -> new LinkedHashSet<>())
                .add(key(userId));
    }

    /** @return false when the object already was a member */
    boolean addMember(String groupId, String objectId) {
        boolean added = members.computeIfAbsent(key(groupId), k -> new LinkedHashSet<>())
                .add(key(objectId));
        if (added) {
            memberOf.computeIfAbsent(key(objectId), k -> new LinkedHashSet<>()).add(key(groupId));
        }
        return added;
    }

    void addMembers(String groupId, Collection<String> objectIds) {
        LinkedHashSet<String> groupMembers = members.computeIfAbsent(key(groupId), k -> new LinkedHashSet<>());
        for (String objectId : objectIds) {
            if (groupMembers.add(key(objectId))) {
                memberOf.computeIfAbsent(key(objectId), k -> new LinkedHashSet<>(2))
                        .add(key(groupId));
            }
        }
    }

    /** @return false when the object was not a member */
    boolean removeMember(String groupId, String objectId) {
        boolean removed = removeFrom(members, key(groupId), key(objectId));
        if (removed) {
            removeFrom(memberOf, key(objectId), key(groupId));
        }
        return removed;
    }

    /** @return false when the object already was an owner */
    boolean addOwner(String groupId, String objectId) {
        boolean added =
                owners.computeIfAbsent(key(groupId), k -> new LinkedHashSet<>()).add(key(objectId));
        if (added) {
            ownedGroups
                    .computeIfAbsent(key(objectId), k -> new LinkedHashSet<>())
                    .add(key(groupId));
        }
        return added;
    }

    boolean removeOwner(String groupId, String objectId) {
        boolean removed = removeFrom(owners, key(groupId), key(objectId));
        if (removed) {
            removeFrom(ownedGroups, key(objectId), key(groupId));
        }
        return removed;
    }

    /** Replaces the app roles granted to the principal. */
    void setAppRoleAssignments(String principalId, List<AppRoleAssignment> assignments) {
        for (AppRoleAssignment old : assignmentsByPrincipal.getOrDefault(key(principalId), List.of())) {
            List<AppRoleAssignment> onResource = assignmentsByResource.get(key(old.resourceId()));
            if (onResource != null) {
                onResource.removeIf(a -> a.id().equals(old.id()));
            }
        }
        if (assignments.isEmpty()) {
            assignmentsByPrincipal.remove(key(principalId));
        } else {
            assignmentsByPrincipal.put(key(principalId), new ArrayList<>(assignments));
            for (AppRoleAssignment assignment : assignments) {
                assignmentsByResource
                        .computeIfAbsent(key(assignment.resourceId()), k -> new ArrayList<>())
                        .add(assignment);
            }
        }
    }

    /** Forgets every relationship of an object that is gone, in both directions. */
    void drop(String objectId) {
        String id = key(objectId);
        for (String group : take(memberOf, id)) {
            removeFrom(members, group, id);
        }
        for (String member : take(members, id)) {
            removeFrom(memberOf, member, id);
        }
        for (String group : take(ownedGroups, id)) {
            removeFrom(owners, group, id);
        }
        for (String owner : take(owners, id)) {
            removeFrom(ownedGroups, owner, id);
        }
        String manager = managers.remove(id);
        if (manager != null) {
            removeFrom(directReports, manager, id);
        }
        for (String report : take(directReports, id)) {
            managers.remove(report);
        }
        if (assignmentsByPrincipal.containsKey(id)) {
            setAppRoleAssignments(id, List.of());
        }
        for (AppRoleAssignment assignment : new ArrayList<>(assignmentsByResource.getOrDefault(id, List.of()))) {
            List<AppRoleAssignment> ofPrincipal = assignmentsByPrincipal.get(key(assignment.principalId()));
            if (ofPrincipal != null) {
                ofPrincipal.removeIf(a -> a.id().equals(assignment.id()));
            }
        }
        assignmentsByResource.remove(id);
    }

    /** Object ids compare ignoring case, as Graph's do. */
    static String key(String id) {
        return id == null ? "" : id.toLowerCase(Locale.ROOT);
    }

    private static Set<String> setOf(Map<String, LinkedHashSet<String>> map, String key) {
        Set<String> values = map.get(key);
        return values == null ? EMPTY : values;
    }

    private static Set<String> take(Map<String, LinkedHashSet<String>> map, String id) {
        LinkedHashSet<String> values = map.remove(id);
        return values == null ? EMPTY : values;
    }

    private static boolean removeFrom(Map<String, LinkedHashSet<String>> map, String from, String value) {
        LinkedHashSet<String> values = map.get(from);
        if (values == null || !values.remove(value)) {
            return false;
        }
        if (values.isEmpty()) {
            map.remove(from);
        }
        return true;
    }
}

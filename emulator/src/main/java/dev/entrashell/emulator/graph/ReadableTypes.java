package dev.entrashell.emulator.graph;

import java.util.Map;
import java.util.Set;

import dev.entrashell.emulator.graph.query.EntityType;
import dev.entrashell.emulator.graph.query.EntityTypes;

/**
 * Which application roles let an app read each kind of directory object. Graph lists the objects of
 * a relationship (members, memberOf, owners...) whatever their kind, but gives only the type and id
 * of those the app may not read, the other properties null ("Limited information returned for
 * inaccessible member objects", learn.microsoft.com/graph/permissions-overview).
 */
final class ReadableTypes {
    private static final Set<String> DIRECTORY = Set.of("Directory.Read.All", "Directory.ReadWrite.All");
    private static final Set<String> APPLICATIONS =
            Set.of("Application.Read.All", "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy");
    private static final Map<EntityType<?>, Set<String>> READERS = Map.of(
            EntityTypes.USER, Set.of("User.Read.All", "User.ReadWrite.All", "User.ReadBasic.All"),
            EntityTypes.GROUP,
                    Set.of(
                            "Group.Read.All",
                            "Group.ReadWrite.All",
                            "GroupMember.Read.All",
                            "GroupMember.ReadWrite.All"),
            EntityTypes.DEVICE, Set.of("Device.Read.All", "Device.ReadWrite.All"),
            EntityTypes.SERVICE_PRINCIPAL, APPLICATIONS,
            EntityTypes.APPLICATION, APPLICATIONS);

    private ReadableTypes() {}

    /** True when one of the caller's roles reads objects of this type. */
    static boolean readable(EntityType<?> type, Set<String> callerRoles) {
        Set<String> readers = READERS.get(type);
        return readers == null
                || callerRoles.stream().anyMatch(role -> DIRECTORY.contains(role) || readers.contains(role));
    }
}

package dev.entrashell.emulator.directory;

import java.time.Instant;
import java.util.List;

/**
 * A group: a security group ({@code securityEnabled}, no group types) or a Microsoft 365 group
 * ({@code groupTypes} contains "Unified", mail-enabled). Members and owners live in {@link TenantObjects}.
 *
 * @param visibility "Public", "Private" or "HiddenMembership" for Microsoft 365 groups, null for security groups
 */
public record Group(
        String id,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        boolean mailEnabled,
        boolean securityEnabled,
        List<String> groupTypes,
        String visibility,
        Instant createdDateTime)
        implements DirectoryObject {

    public Group {
        groupTypes = List.copyOf(groupTypes);
    }

    public boolean isMicrosoft365() {
        return groupTypes.stream().anyMatch("Unified"::equalsIgnoreCase);
    }
}

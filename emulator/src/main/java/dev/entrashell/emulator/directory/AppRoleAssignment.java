package dev.entrashell.emulator.directory;

import java.time.Instant;

/**
 * An app role granted to a principal (here: a service principal) on a resource service principal,
 * e.g. Microsoft Graph's {@code User.Read.All} granted to an app.
 *
 * @param principalType "ServicePrincipal", "User" or "Group"
 */
public record AppRoleAssignment(
        String id,
        String appRoleId,
        Instant createdDateTime,
        String principalDisplayName,
        String principalId,
        String principalType,
        String resourceDisplayName,
        String resourceId) {}

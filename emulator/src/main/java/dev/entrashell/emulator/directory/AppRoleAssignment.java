package dev.entrashell.emulator.directory;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

import dev.entrashell.emulator.jwt.Base64Url;

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
        String resourceId) {

    /** An assignment of the resource's app role to the service principal, with a Graph-shaped id. */
    public static AppRoleAssignment of(
            ServicePrincipal principal, ServicePrincipal resource, AppRole role, Instant created) {
        ByteBuffer id = ByteBuffer.allocate(32);
        UUID principalId = UUID.fromString(principal.id());
        UUID salt = UUID.fromString(Guids.fromName(principal.id() + "/" + resource.id() + "/" + role.id()));
        id.putLong(principalId.getMostSignificantBits())
                .putLong(principalId.getLeastSignificantBits())
                .putLong(salt.getMostSignificantBits())
                .putLong(salt.getLeastSignificantBits());
        return new AppRoleAssignment(
                Base64Url.encode(id.array()),
                role.id(),
                created,
                principal.displayName(),
                principal.id(),
                "ServicePrincipal",
                resource.displayName(),
                resource.id());
    }
}

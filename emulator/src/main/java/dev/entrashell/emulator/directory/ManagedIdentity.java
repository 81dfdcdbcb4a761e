package dev.entrashell.emulator.directory;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A managed identity: a service principal that Azure creates for a resource (system-assigned) or
 * as a resource of its own (user-assigned), and that code on a host to which it is assigned gets
 * tokens for from the host's managed identity endpoint, without any credential.
 *
 * @param kind system-assigned (the host's own identity) or user-assigned
 * @param tenantId the tenant its service principal lives in: the {@code tid} of its tokens
 * @param clientId the application (client) id: the {@code appid} of its tokens, and what
 *     {@code client_id} names
 * @param principalId the object id of its service principal: the {@code oid} of its tokens, and what
 *     {@code object_id} / {@code principal_id} name
 * @param resourceId the Azure resource id: of the user-assigned identity itself
 *     ({@code .../Microsoft.ManagedIdentity/userAssignedIdentities/NAME}), or of the resource a
 *     system-assigned identity belongs to; the {@code xms_mirid} of its tokens, and what
 *     {@code mi_res_id} / {@code msi_res_id} name
 * @param displayName the service principal's name: the identity's (or, system-assigned, the
 *     resource's) name; the {@code app_displayname} of its tokens
 * @param roles application permissions granted to its service principal (app role assignments)
 */
public record ManagedIdentity(
        Kind kind,
        String tenantId,
        String clientId,
        String principalId,
        String resourceId,
        String displayName,
        Set<String> roles) {

    /** How Azure creates and assigns the identity. */
    public enum Kind {
        SYSTEM_ASSIGNED,
        USER_ASSIGNED
    }

    private static final Pattern RESOURCE_ID =
            Pattern.compile("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[^/]+/[^/]+/[^/]+(/[^/]+/[^/]+)*");
    private static final String USER_ASSIGNED_TYPE = "/providers/microsoft.managedidentity/userassignedidentities/";

    public ManagedIdentity {
        Objects.requireNonNull(kind, "kind");
        tenantId = guid("tenant id", tenantId);
        clientId = guid("client id", clientId);
        principalId = guid("principal id", principalId);
        if (resourceId == null || !RESOURCE_ID.matcher(resourceId).matches()) {
            throw new IllegalArgumentException(
                    "resource id must look like /subscriptions/S/resourceGroups/G/providers/NAMESPACE/TYPE/NAME: "
                            + resourceId);
        }
        boolean userAssignedType = resourceId.toLowerCase(Locale.ROOT).contains(USER_ASSIGNED_TYPE);
        if ((kind == Kind.USER_ASSIGNED) != userAssignedType) {
            throw new IllegalArgumentException(
                    kind == Kind.USER_ASSIGNED
                            ? "a user-assigned identity's resource id names a Microsoft.ManagedIdentity/userAssignedIdentities resource: "
                                    + resourceId
                            : "a system-assigned identity's resource id names the resource it belongs to, not an identity: "
                                    + resourceId);
        }
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    private static String guid(String what, String value) {
        if (!Guids.isGuid(value)) {
            throw new IllegalArgumentException(what + " must be a GUID: " + value);
        }
        return Guids.normalize(value);
    }

    /**
     * The resource id of a user-assigned identity, as Azure writes it.
     *
     * @param resourceGroup e.g. {@code entra-shell-demo}
     * @param name the identity's name, also its display name
     */
    public static String userAssignedResourceId(String subscriptionId, String resourceGroup, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
    }

    /** Azure resource ids compare without regard to case. */
    public boolean hasResourceId(String candidate) {
        return candidate != null && resourceId.equalsIgnoreCase(candidate.strip());
    }

    public boolean isSystemAssigned() {
        return kind == Kind.SYSTEM_ASSIGNED;
    }
}

package dev.entrashell.emulator.identity;

import java.util.Optional;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.ManagedIdentity;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.token.AccessTokenIssuer;
import dev.entrashell.emulator.token.ScopeValidator;

/**
 * The emulated Azure host (a VM, an App Service app): its system-assigned identity is the one its
 * tenant registered, and every user-assigned identity any tenant registered is assigned to it.
 * Both managed identity endpoints ask it which identity a request names and for that identity's
 * token, which is the token endpoint's own kind of access token, signed with the same key.
 */
public final class ManagedIdentityHost {
    private final Directory directory;
    private final String hostTenantId;
    private final ScopeValidator scopes;
    private final AccessTokenIssuer issuer;

    /**
     * @param hostTenantId the tenant of the host's subscription, whose system-assigned identity the
     *     host has
     */
    public ManagedIdentityHost(
            Directory directory, String hostTenantId, ScopeValidator scopes, AccessTokenIssuer issuer) {
        this.directory = directory;
        this.hostTenantId = hostTenantId;
        this.scopes = scopes;
        this.issuer = issuer;
    }

    /** The host's own identity, when it has one: the first system-assigned one of its tenant. */
    Optional<ManagedIdentity> systemAssigned() {
        return directory.tenant(hostTenantId).stream()
                .flatMap(tenant -> directory.workloads(tenant.id()).managedIdentities().stream())
                .filter(ManagedIdentity::isSystemAssigned)
                .findFirst();
    }

    /** The identity a selector names, among all the host may use (its own included). */
    Optional<ManagedIdentity> find(IdentitySelector selector) {
        return IdentitySelector.find(directory.managedIdentities(), selector);
    }

    /** The token endpoint's test: Graph by its URI, its application id or this emulator's address. */
    boolean isGraph(String resource) {
        return scopes.isGraph(resource);
    }

    Optional<Tenant> tenantOf(ManagedIdentity identity) {
        return directory.tenant(identity.tenantId());
    }

    AccessTokenIssuer.IssuedToken issue(Tenant tenant, ManagedIdentity identity) {
        return issuer.issue(tenant, identity);
    }
}

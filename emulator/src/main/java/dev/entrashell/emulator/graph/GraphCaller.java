package dev.entrashell.emulator.graph;

import java.util.Set;

/**
 * Who is calling, from a validated access token.
 *
 * @param tenantId the token's {@code tid}: the directory the call reads
 * @param appId the token's {@code appid}
 * @param roles the token's {@code roles} (application permissions), empty when it has none
 */
public record GraphCaller(String tenantId, String appId, String servicePrincipalId, Set<String> roles) {
    public GraphCaller {
        roles = Set.copyOf(roles);
    }
}

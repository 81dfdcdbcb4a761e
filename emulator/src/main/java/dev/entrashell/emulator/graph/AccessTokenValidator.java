package dev.entrashell.emulator.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.jwt.Jws;
import dev.entrashell.emulator.jwt.TokenSigningKey;
import dev.entrashell.emulator.token.AccessTokenIssuer;
import dev.entrashell.emulator.token.GraphResource;

/**
 * Validates the bearer token of a Graph request as Graph does: present, well formed, for Graph,
 * signed by the token service's key, issued by a known tenant, and within its lifetime.
 */
public final class AccessTokenValidator {
    private static final Set<String> GRAPH_AUDIENCES =
            Set.of(GraphResource.URI, GraphResource.URI + "/", GraphResource.APP_ID);

    private final TokenSigningKey key;
    private final Directory directory;
    private final Clock clock;
    private final Duration skew;

    public AccessTokenValidator(TokenSigningKey key, Directory directory, Clock clock, Duration skew) {
        this.key = key;
        this.directory = directory;
        this.clock = clock;
        this.skew = skew;
    }

    public GraphCaller validate(Optional<String> authorization) throws GraphException {
        String token = authorization
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip())
                .orElse("");
        if (token.isEmpty()) {
            throw GraphException.emptyToken();
        }
        Jws jws;
        try {
            jws = Jws.parse(token);
        } catch (Jws.MalformedJwsException e) {
            // What Graph has long answered for a bearer value that is not a JWT at all.
            throw GraphException.invalidToken("CompactToken parsing failed with error code: 80049217");
        }
        if (jws.claimString("aud").filter(GRAPH_AUDIENCES::contains).isEmpty()) {
            throw GraphException.invalidToken("Access token validation failure. Invalid audience.");
        }
        if (!key.signed(jws)) {
            throw GraphException.invalidToken("Access token validation failure. Invalid signature.");
        }
        String tenantId = jws.claimString("tid").orElse("");
        boolean knownIssuer = directory.tenant(tenantId).isPresent()
                && jws.claimString("iss")
                        .filter(AccessTokenIssuer.issuerFor(tenantId)::equals)
                        .isPresent();
        if (!knownIssuer) {
            throw GraphException.invalidToken("Access token validation failure. Invalid issuer.");
        }
        Instant now = clock.instant();
        Optional<Long> exp = jws.claimNumber("exp");
        if (exp.isEmpty() || now.isAfter(Instant.ofEpochSecond(exp.get()).plus(skew))) {
            throw GraphException.invalidToken("Lifetime validation failed, the token is expired.");
        }
        Optional<Long> nbf = jws.claimNumber("nbf");
        if (nbf.isPresent() && now.isBefore(Instant.ofEpochSecond(nbf.get()).minus(skew))) {
            throw GraphException.invalidToken("Lifetime validation failed, the token is not yet valid.");
        }
        return new GraphCaller(
                tenantId,
                jws.claimString("appid").orElse(""),
                jws.claimString("oid").orElse(""),
                roles(jws.claims().get("roles")));
    }

    private static Set<String> roles(JsonElement claim) {
        Set<String> roles = new HashSet<>();
        if (claim != null && claim.isJsonArray()) {
            for (JsonElement role : claim.getAsJsonArray()) {
                if (role instanceof JsonPrimitive primitive && primitive.isString()) {
                    roles.add(primitive.getAsString());
                }
            }
        }
        return roles;
    }
}

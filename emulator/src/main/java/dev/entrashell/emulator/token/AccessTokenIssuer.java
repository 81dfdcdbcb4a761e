package dev.entrashell.emulator.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.ManagedIdentity;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.jwt.Base64Url;
import dev.entrashell.emulator.jwt.TokenSigningKey;

/** Issues app-only Graph access tokens shaped like Entra's v1.0 tokens for Graph. */
public final class AccessTokenIssuer {
    private final TokenSigningKey key;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    /**
     * An issued token and how long it lives, for the {@code expires_in} of the response.
     *
     * @param notBefore the token's {@code nbf} (and {@code iat}), seconds since the epoch
     */
    public record IssuedToken(String accessToken, long expiresInSeconds, long notBefore) {
        /** The token's {@code exp}, seconds since the epoch. */
        public long expiresOn() {
            return notBefore + expiresInSeconds;
        }

        @Override
        public String toString() {
            return "IssuedToken[expiresIn=" + expiresInSeconds + "]";
        }
    }

    public AccessTokenIssuer(TokenSigningKey key, Clock clock, Duration lifetime) {
        this.key = key;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The {@code iss} of v1.0 tokens, which Graph's tokens are. */
    public static String issuerFor(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    public IssuedToken issue(Tenant tenant, AppRegistration app, ClientCredentialType credential) {
        return issue(
                tenant,
                app.clientId(),
                app.servicePrincipalObjectId(),
                app.displayName(),
                app.roles(),
                credential,
                null);
    }

    /**
     * A token for a managed identity's service principal, as the managed identity endpoints get it
     * from Entra: the identity's client id as {@code appid}, its principal id as {@code oid}, and its
     * Azure resource id as {@code xms_mirid}.
     */
    public IssuedToken issue(Tenant tenant, ManagedIdentity identity) {
        return issue(
                tenant,
                identity.clientId(),
                identity.principalId(),
                identity.displayName(),
                identity.roles(),
                ClientCredentialType.CERTIFICATE,
                identity.resourceId());
    }

    private IssuedToken issue(
            Tenant tenant,
            String appId,
            String servicePrincipalId,
            String displayName,
            Set<String> grantedRoles,
            ClientCredentialType credential,
            String managedIdentityResourceId) {
        long now = clock.instant().getEpochSecond();
        long expiresIn = lifetime.getSeconds();
        JsonObject claims = new JsonObject();
        claims.addProperty("aud", GraphResource.URI);
        claims.addProperty("iss", issuerFor(tenant.id()));
        claims.addProperty("iat", now);
        claims.addProperty("nbf", now);
        claims.addProperty("exp", now + expiresIn);
        claims.addProperty("app_displayname", displayName);
        claims.addProperty("appid", appId);
        claims.addProperty("appidacr", credential.appIdAcr());
        claims.addProperty("idp", issuerFor(tenant.id()));
        claims.addProperty("idtyp", "app");
        claims.addProperty("oid", servicePrincipalId);
        List<String> roles = grantedRoles.stream().sorted().toList();
        if (!roles.isEmpty()) { // Entra leaves the claim out, rather than sending an empty array
            JsonArray array = new JsonArray();
            roles.forEach(array::add);
            claims.add("roles", array);
        }
        claims.addProperty("sub", servicePrincipalId);
        claims.addProperty("tid", tenant.id());
        claims.addProperty("uti", uniqueTokenId());
        claims.addProperty("ver", "1.0");
        if (managedIdentityResourceId != null) {
            claims.addProperty("xms_mirid", managedIdentityResourceId);
        }
        return new IssuedToken(key.sign(claims), expiresIn, now);
    }

    private String uniqueTokenId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }
}

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

/**
 * Issues app-only Graph access tokens shaped like Entra's v1.0 tokens for Graph: {@code iat} and
 * {@code nbf} five minutes before the moment of issue (Entra's allowance for clock skew), and a
 * {@code nonce} in the header.
 */
public final class AccessTokenIssuer {
    /** How far Entra back-dates {@code iat} and {@code nbf}. */
    static final Duration BACK_DATING = Duration.ofMinutes(5);

    private final TokenSigningKey key;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration managedIdentityLifetime;
    private final SecureRandom random = new SecureRandom();

    /**
     * An issued token and how long it lives, for the {@code expires_in} of the response.
     *
     * @param notBefore the token's {@code nbf} (and {@code iat}), seconds since the epoch
     * @param expiresOn the token's {@code exp}, seconds since the epoch
     */
    public record IssuedToken(String accessToken, long expiresInSeconds, long notBefore, long expiresOn) {
        @Override
        public String toString() {
            return "IssuedToken[expiresIn=" + expiresInSeconds + "]";
        }
    }

    /**
     * @param lifetime how long an app's token lives ({@code expires_in})
     * @param managedIdentityLifetime how long a managed identity's token lives (about a day on Azure)
     */
    public AccessTokenIssuer(TokenSigningKey key, Clock clock, Duration lifetime, Duration managedIdentityLifetime) {
        this.key = key;
        this.clock = clock;
        this.lifetime = lifetime;
        this.managedIdentityLifetime = managedIdentityLifetime;
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
                null,
                lifetime);
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
                identity.resourceId(),
                managedIdentityLifetime);
    }

    private IssuedToken issue(
            Tenant tenant,
            String appId,
            String servicePrincipalId,
            String displayName,
            Set<String> grantedRoles,
            ClientCredentialType credential,
            String managedIdentityResourceId,
            Duration tokenLifetime) {
        long now = clock.instant().getEpochSecond();
        long issuedAt = now - BACK_DATING.getSeconds();
        long expiresIn = tokenLifetime.getSeconds();
        JsonObject claims = new JsonObject();
        claims.addProperty("aud", GraphResource.URI);
        claims.addProperty("iss", issuerFor(tenant.id()));
        claims.addProperty("iat", issuedAt);
        claims.addProperty("nbf", issuedAt);
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
        return new IssuedToken(key.signWithNonce(claims, randomBase64Url(48)), expiresIn, issuedAt, now + expiresIn);
    }

    private String uniqueTokenId() {
        return randomBase64Url(16);
    }

    private String randomBase64Url(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }
}

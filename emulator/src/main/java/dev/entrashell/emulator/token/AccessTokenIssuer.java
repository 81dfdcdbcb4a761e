package dev.entrashell.emulator.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.jwt.Base64Url;
import dev.entrashell.emulator.jwt.TokenSigningKey;

/** Issues app-only Graph access tokens shaped like Entra's v1.0 tokens for Graph. */
public final class AccessTokenIssuer {
    private final TokenSigningKey key;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    /** An issued token and how long it lives, for the {@code expires_in} of the response. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {
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
        long now = clock.instant().getEpochSecond();
        long expiresIn = lifetime.getSeconds();
        JsonObject claims = new JsonObject();
        claims.addProperty("aud", GraphResource.URI);
        claims.addProperty("iss", issuerFor(tenant.id()));
        claims.addProperty("iat", now);
        claims.addProperty("nbf", now);
        claims.addProperty("exp", now + expiresIn);
        claims.addProperty("app_displayname", app.displayName());
        claims.addProperty("appid", app.clientId());
        claims.addProperty("appidacr", credential.appIdAcr());
        claims.addProperty("idp", issuerFor(tenant.id()));
        claims.addProperty("idtyp", "app");
        claims.addProperty("oid", app.servicePrincipalObjectId());
        List<String> roles = app.roles().stream().sorted().toList();
        if (!roles.isEmpty()) { // Entra leaves the claim out, rather than sending an empty array
            JsonArray array = new JsonArray();
            roles.forEach(array::add);
            claims.add("roles", array);
        }
        claims.addProperty("sub", app.servicePrincipalObjectId());
        claims.addProperty("tid", tenant.id());
        claims.addProperty("uti", uniqueTokenId());
        claims.addProperty("ver", "1.0");
        return new IssuedToken(key.sign(claims), expiresIn);
    }

    private String uniqueTokenId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }
}

package dev.entrashell.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.Environment;

/**
 * {@code connect --access-token}: a Graph token obtained elsewhere ({@code az account get-access-token},
 * a pipeline), used as given and never renewed, as {@code Connect-MgGraph -AccessToken} does. It is
 * checked before use for what goes wrong in practice: quotes or a {@code Bearer} prefix pasted with
 * it (removed), the whole JSON that {@code az} prints (its {@code accessToken} is taken), a token for
 * another resource (above all Azure Resource Manager, which {@code az} gives without
 * {@code --resource}), a user's delegated token, and one that has already expired.
 */
public final class GivenAccessToken implements TokenSource {
    /** Microsoft Graph's application id, which is also an accepted audience. */
    private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

    /** Graph's resource in every cloud: a token names it as its audience, whatever host serves Graph. */
    private static final Set<String> GRAPH_HOSTS = Set.of(
            "graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn");

    private final AccessToken token;
    private final Clock clock;

    private GivenAccessToken(AccessToken token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    /** The token in {@code given} (as pasted, read from a file or a variable), checked for Graph in {@code environment}. */
    public static GivenAccessToken check(String given, Environment environment, Clock clock) {
        String value = clean(given);
        TokenClaims claims = TokenClaims.parse(value);
        Instant expiresOn = expiresOn(claims);
        if (value.split("\\.").length != 3 || expiresOn == null) {
            throw ShellException.usage("The access token is not a JWT (three dot-separated parts with an 'exp' claim): "
                    + "give the token itself, such as the accessToken that 'az account get-access-token "
                    + "--resource https://graph.microsoft.com' prints.");
        }
        String audience = claims.string("aud");
        if (!isGraph(audience, environment)) {
            throw ShellException.usage(
                    "The access token is for " + describe(audience) + ", not Microsoft Graph: get "
                            + "one for Graph, such as with: az account get-access-token --resource https://graph.microsoft.com");
        }
        if (!forThisCloud(audience, environment)) {
            throw ShellException.usage(
                    "The access token is for " + audience + ", Microsoft Graph in another cloud than "
                            + environment.name() + " (" + environment.graph()
                            + "): connect with --environment set to the cloud "
                            + "it was issued in.");
        }
        if (claims.string("scp") != null) {
            throw ShellException.usage("The access token is a user's (delegated, with scopes " + claims.string("scp")
                    + "): Entra Shell works app-only; give a token issued to an app, or connect with the app's own "
                    + "credential.");
        }
        AccessToken token = new AccessToken(value, expiresOn);
        if (!token.expiresOn().isAfter(clock.instant())) {
            throw ShellException.usage("The access token expired at " + token.expiresOn() + "; get a new one.");
        }
        return new GivenAccessToken(token, clock);
    }

    public String value() {
        return token.value();
    }

    @Override
    public Optional<AccessToken> held() {
        return Optional.of(token);
    }

    @Override
    public AccessToken token() {
        if (!token.expiresOn().isAfter(clock.instant())) {
            throw new ShellException("The access token given to connect expired at " + token.expiresOn()
                    + "; a given token is never renewed: get a new one and connect again.");
        }
        return token;
    }

    /** How long the token has left, for the notice at connect time. */
    public Duration left() {
        return Duration.between(clock.instant(), token.expiresOn());
    }

    private static Instant expiresOn(TokenClaims claims) {
        try {
            return claims.expiresOn();
        } catch (RuntimeException notANumber) {
            return null;
        }
    }

    private static String clean(String raw) {
        String value = raw.strip();
        if (value.startsWith("{")) {
            value = fromJson(value);
        }
        while (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1).strip();
        }
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).strip();
        }
        return value;
    }

    /** {@code az account get-access-token} prints JSON; MSAL-style caches say access_token. */
    private static String fromJson(String json) {
        try {
            JsonObject object = JsonParser.parseString(json).getAsJsonObject();
            for (String name : List.of("accessToken", "access_token")) {
                JsonElement value = object.get(name);
                if (value != null && value.isJsonPrimitive()) {
                    return value.getAsString();
                }
            }
        } catch (RuntimeException e) {
            // not JSON after all: checked as a token below, which says what is wrong
        }
        return json;
    }

    private static boolean isGraph(String audience, Environment environment) {
        if (audience == null) {
            return false;
        }
        if (audience.equalsIgnoreCase(GRAPH_APP_ID)) {
            return true;
        }
        String trimmed = audience.replaceAll("/+$", "");
        if (trimmed.equalsIgnoreCase(environment.graph().toString())) {
            return true;
        }
        try {
            URI uri = URI.create(trimmed);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && GRAPH_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A built-in cloud takes only its own Graph's tokens; an added environment (a private endpoint) any Graph's. */
    private static boolean forThisCloud(String audience, Environment environment) {
        if (!environment.builtIn() || audience.equalsIgnoreCase(GRAPH_APP_ID)) {
            return true;
        }
        String host = URI.create(audience.replaceAll("/+$", "")).getHost();
        return environment.graph().getHost().equalsIgnoreCase(host);
    }

    private static String describe(String audience) {
        if (audience == null) {
            return "no audience (no 'aud' claim)";
        }
        String lower = audience.toLowerCase(Locale.ROOT);
        if (lower.contains("management.azure.com")
                || lower.contains("management.core.windows.net")
                || lower.contains("management.usgovcloudapi.net")
                || lower.contains("management.chinacloudapi.cn")) {
            return audience + " (Azure Resource Manager: what 'az account get-access-token' gives without --resource)";
        }
        return audience;
    }
}

package dev.entrashell.emulator.token.federation;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;

/**
 * The external identity providers whose tokens the token endpoint can check, by issuer URL: the
 * issuers the emulator hosts under {@code {login}/federation/{name}/}, and any a test registers
 * with its keys (a stand-in for GitHub's or another cluster's issuer). Entra fetches an issuer's
 * keys from its discovery document; this registry is the emulator's copy of them, its own code
 * and data, never the client's.
 */
public final class FederatedIssuers {
    /** Path segment under which the login server hosts issuers. */
    public static final String PATH_SEGMENT = "federation";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final URI loginEndpoint;
    private final Clock clock;
    private final ConcurrentMap<String, FederatedIssuer> hostedByName = new ConcurrentHashMap<>();
    /** Issuer URL to its keys by key id; a hosted issuer's are made on first use. */
    private final ConcurrentMap<String, Supplier<Map<String, PublicKey>>> keysByIssuer = new ConcurrentHashMap<>();

    public FederatedIssuers(URI loginEndpoint, Clock clock) {
        this.loginEndpoint = loginEndpoint;
        this.clock = clock;
    }

    /**
     * The hosted issuer of that name, created (with a new key) on first use; its URL is {@code
     * {login}/federation/{name}/}.
     *
     * @param name lower-case letters, digits and '-'
     */
    public FederatedIssuer hosted(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an issuer name is lower-case letters, digits and '-': " + name);
        }
        return hostedByName.computeIfAbsent(name, n -> {
            FederatedIssuer issuer = new FederatedIssuer(n, loginEndpoint + "/" + PATH_SEGMENT + "/" + n + "/", clock);
            keysByIssuer.put(issuer.issuer(), issuer::verificationKeys);
            return issuer;
        });
    }

    /**
     * Trusts an issuer the emulator does not host, as Entra would after fetching its keys.
     *
     * @param issuer exactly the {@code iss} of its tokens
     * @param keysById its signing keys by {@code kid}
     */
    public void registerExternal(String issuer, Map<String, PublicKey> keysById) {
        Objects.requireNonNull(issuer, "issuer");
        Map<String, PublicKey> keys = Map.copyOf(keysById);
        keysByIssuer.put(issuer, () -> keys);
    }

    /** Forgets an issuer: its tokens then fail as if its discovery endpoint were unreachable. */
    public void unregister(String issuer) {
        keysByIssuer.remove(issuer);
    }

    /** The issuer's keys by key id, when it is known (exact issuer match). */
    public Optional<Map<String, PublicKey>> keys(String issuer) {
        return Optional.ofNullable(keysByIssuer.get(issuer)).map(Supplier::get);
    }

    /**
     * Serves a hosted issuer's discovery document and keys.
     *
     * @param path the segments after {@code federation}: the issuer name, then the document's path
     * @return the response, or empty when the path names nothing here
     */
    public Optional<ServerResponse> serve(ServerRequest request, List<String> path) {
        if (path.isEmpty() || !hostedByName.containsKey(path.get(0))) {
            return Optional.empty();
        }
        FederatedIssuer issuer = hostedByName.get(path.get(0));
        List<String> document = path.subList(1, path.size());
        JsonObject body;
        if (document.equals(List.of(".well-known", "openid-configuration"))) {
            body = issuer.openIdConfiguration();
        } else if (document.equals(List.of("openid", "v1", "jwks")) || document.equals(List.of("jwks"))) {
            body = issuer.jwks();
        } else {
            return Optional.empty();
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Optional.of(new ServerResponse(405, Map.of("Allow", "GET, HEAD"), new byte[0]));
        }
        return Optional.of(ServerResponse.json(200, "application/json", body, Map.of()));
    }
}

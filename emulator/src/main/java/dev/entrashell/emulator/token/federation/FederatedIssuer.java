package dev.entrashell.emulator.token.federation;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.FederatedIdentityCredential;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.json.Json;
import dev.entrashell.emulator.jwt.Base64Url;
import dev.entrashell.emulator.jwt.JwsAlgorithm;
import dev.entrashell.emulator.tls.RsaKeys;
import dev.entrashell.emulator.tls.Thumbprints;

/**
 * An external OpenID Connect issuer that the emulator hosts, shaped like a Kubernetes cluster's
 * service account issuer (AKS's OIDC issuer): its own RSA key, its discovery document at {@code
 * {issuer}.well-known/openid-configuration} and its keys at {@code {issuer}openid/v1/jwks}, and
 * tokens like the projected service account tokens that workload identity federation exchanges.
 * Tests and the demo mint such tokens here and hand them to a client as a federated token file.
 *
 * <pre>{@code
 * String token = emulator.federatedIssuer().mint("system:serviceaccount:automation:entra-shell");
 * Files.writeString(tokenFile, token); // AZURE_FEDERATED_TOKEN_FILE
 * }</pre>
 */
public final class FederatedIssuer {
    /** Kubernetes projects service account tokens for an hour unless told otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("system:serviceaccount:([^:]+):([^:]+)");

    private final String name;
    private final String issuer;
    private final Clock clock;
    private volatile SigningKey key;

    /** The RSA key and its id, made on first use: most runs never mint a token. */
    private record SigningKey(KeyPair keys, String id) {}

    /**
     * @param issuer the issuer URL, ending in '/', as its tokens' {@code iss} states it
     */
    FederatedIssuer(String name, String issuer, Clock clock) {
        this.name = name;
        this.issuer = issuer;
        this.clock = clock;
    }

    private SigningKey key() {
        SigningKey current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    KeyPair keys = RsaKeys.generate();
                    // Kubernetes' key id: base64url of the SHA-256 of the public key's DER.
                    current = new SigningKey(
                            keys,
                            Base64Url.encode(Thumbprints.digest(
                                    "SHA-256", keys.getPublic().getEncoded())));
                    key = current;
                }
            }
        }
        return current;
    }

    public String name() {
        return name;
    }

    /** The issuer URL, with its trailing slash: a federated credential must name it exactly so. */
    public String issuer() {
        return issuer;
    }

    public String discoveryUri() {
        return issuer + ".well-known/openid-configuration";
    }

    public String jwksUri() {
        return issuer + "openid/v1/jwks";
    }

    public String keyId() {
        return key().id();
    }

    /** A token for the subject, for {@value FederatedIdentityCredential#DEFAULT_AUDIENCE}, valid for an hour. */
    public String mint(String subject) {
        return mint(subject, FederatedIdentityCredential.DEFAULT_AUDIENCE, DEFAULT_LIFETIME);
    }

    /** A token valid from now (the emulator's clock) for the given lifetime. */
    public String mint(String subject, String audience, Duration lifetime) {
        Instant now = clock.instant();
        return mint(subject, audience, now, now.plus(lifetime));
    }

    /**
     * A token with explicit times, e.g. one that has already expired.
     *
     * @param notBefore also the token's {@code iat}
     */
    public String mint(String subject, String audience, Instant notBefore, Instant expiresAt) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        JsonObject claims = new JsonObject();
        JsonArray audiences = new JsonArray();
        audiences.add(audience);
        claims.add("aud", audiences);
        claims.addProperty("exp", expiresAt.getEpochSecond());
        claims.addProperty("iat", notBefore.getEpochSecond());
        claims.addProperty("iss", issuer);
        claims.addProperty("jti", UUID.randomUUID().toString());
        Matcher account = SERVICE_ACCOUNT.matcher(subject);
        if (account.matches()) {
            JsonObject serviceAccount = new JsonObject();
            serviceAccount.addProperty("name", account.group(2));
            serviceAccount.addProperty("uid", Guids.fromName(issuer + subject));
            JsonObject kubernetes = new JsonObject();
            kubernetes.addProperty("namespace", account.group(1));
            kubernetes.add("serviceaccount", serviceAccount);
            claims.add("kubernetes.io", kubernetes);
        }
        claims.addProperty("nbf", notBefore.getEpochSecond());
        claims.addProperty("sub", subject);
        return sign(claims);
    }

    /**
     * Mints a token for the subject (default audience) and writes it to a file readable by its owner
     * only, as Kubernetes mounts it; the path is what {@code AZURE_FEDERATED_TOKEN_FILE} names.
     */
    public Path mintToFile(Path file, String subject, Duration lifetime) throws IOException {
        String token = mint(subject, FederatedIdentityCredential.DEFAULT_AUDIENCE, lifetime);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = file.toAbsolutePath()
                .getFileSystem()
                .supportedFileAttributeViews()
                .contains("posix");
        if (posix && !Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(
                file,
                token,
                StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    /** Signs any claims with this issuer's key (RS256, {@code kid}), for tests that need odd tokens. */
    public String sign(JsonObject claims) {
        SigningKey signing = key();
        JsonObject header = new JsonObject();
        header.addProperty("alg", JwsAlgorithm.RS256.name());
        header.addProperty("kid", signing.id());
        String input = Base64Url.encode(Json.write(header)) + "." + Base64Url.encode(Json.write(claims));
        byte[] signature =
                JwsAlgorithm.RS256.sign(signing.keys().getPrivate(), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64Url.encode(signature);
    }

    /** Its discovery document, as a Kubernetes API server publishes it. */
    JsonObject openIdConfiguration() {
        JsonObject document = new JsonObject();
        document.addProperty("issuer", issuer);
        document.addProperty("jwks_uri", jwksUri());
        document.add("response_types_supported", strings("id_token"));
        document.add("subject_types_supported", strings("public"));
        document.add("id_token_signing_alg_values_supported", strings("RS256"));
        return document;
    }

    JsonObject jwks() {
        SigningKey signing = key();
        RSAPublicKey publicKey = (RSAPublicKey) signing.keys().getPublic();
        JsonObject jwk = new JsonObject();
        jwk.addProperty("use", "sig");
        jwk.addProperty("kty", "RSA");
        jwk.addProperty("kid", signing.id());
        jwk.addProperty("alg", "RS256");
        jwk.addProperty("n", Base64Url.encode(unsigned(publicKey.getModulus())));
        jwk.addProperty("e", Base64Url.encode(unsigned(publicKey.getPublicExponent())));
        JsonArray array = new JsonArray();
        array.add(jwk);
        JsonObject document = new JsonObject();
        document.add("keys", array);
        return document;
    }

    Map<String, PublicKey> verificationKeys() {
        SigningKey signing = key();
        return Map.of(signing.id(), signing.keys().getPublic());
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static JsonArray strings(String... values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    @Override
    public String toString() {
        return "FederatedIssuer[" + issuer + "]";
    }
}

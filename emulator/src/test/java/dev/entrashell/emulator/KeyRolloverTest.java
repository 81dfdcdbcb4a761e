package dev.entrashell.emulator;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.Certificates;
import dev.entrashell.emulator.tls.RsaKeys;
import dev.entrashell.emulator.tls.Thumbprints;

import static dev.entrashell.emulator.GraphCalls.error;
import static dev.entrashell.emulator.GraphCalls.message;
import static dev.entrashell.emulator.GraphCalls.objects;
import static dev.entrashell.emulator.GraphCalls.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code addKey}/{@code removeKey} as Graph documents them: an app with no role rolls its own
 * certificate, proving possession with a JWT (aud 00000002-0000-0000-c000-000000000000, iss its
 * object id, nbf/exp at most ten minutes apart, signed by a currently valid certificate of the app).
 */
@EmulatorTest
class KeyRolloverTest {
    private static final String AAD_GRAPH = "00000002-0000-0000-c000-000000000000";

    private static Emulator emulator;
    private static TestClient client;
    private static GraphCalls appAdmin;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient(emulator.caCertificate());
        appAdmin = GraphCalls.withRoles(emulator, client, "Application.ReadWrite.All");
    }

    /** An app registered here with one certificate and no role, calling Graph as itself. */
    private record App(String clientId, String objectId, GraphCalls self, X509Certificate certificate, KeyPair keys) {}

    private static App app(Instant certificateEnd) {
        String clientId = UUID.randomUUID().toString();
        String secret = "secret-" + UUID.randomUUID();
        KeyPair keys = RsaKeys.generate();
        X509Certificate certificate = Certificates.selfSignedClient(
                keys, "Rolling", Instant.now().minus(Duration.ofDays(400)), certificateEnd);
        emulator.directory()
                .registerApplication(
                        emulator.demo().tenantId(),
                        AppRegistration.of(
                                clientId, "Rolling " + clientId, List.of(certificate), List.of(secret), Set.of()));
        String objectId = appAdmin.values("applications?$filter=appId eq '" + clientId + "'")
                .get(0)
                .get("id")
                .getAsString();
        GraphCalls self = new GraphCalls(emulator, client, GraphTest.secretToken(emulator, client, clientId, secret));
        return new App(clientId, objectId, self, certificate, keys);
    }

    private static App app() {
        return app(Instant.now().plus(Duration.ofDays(10)));
    }

    @Test
    void anAppWithNoRoleAddsAKeyThatSignsInAtOnceAndRemovesTheOldOneWhichStopsSigningIn() {
        App app = app();
        KeyPair newKeys = RsaKeys.generate();
        X509Certificate newCertificate = newCertificate(newKeys);
        assertThat(CertificateSignIns.token(emulator, client, app.clientId(), newCertificate, newKeys)
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> added = app.self()
                .post(
                        "applications/" + app.objectId() + "/addKey",
                        addKeyBody(
                                newCertificate, proof(app.objectId(), app.keys().getPrivate())));

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        JsonObject key = TestClient.json(added);
        assertThat(key.get("@odata.context").getAsString()).endsWith("/$metadata#microsoft.graph.keyCredential");
        assertThat(key.get("customKeyIdentifier").getAsString()).isEqualTo(Thumbprints.sha1Hex(newCertificate));
        assertThat(key.get("type").getAsString()).isEqualTo("AsymmetricX509Cert");
        assertThat(key.get("usage").getAsString()).isEqualTo("Verify");
        assertThat(CertificateSignIns.token(emulator, client, app.clientId(), newCertificate, newKeys)
                        .statusCode())
                .isEqualTo(200);
        assertThat(keyThumbprints(app))
                .containsExactlyInAnyOrder(Thumbprints.sha1Hex(app.certificate()), Thumbprints.sha1Hex(newCertificate));

        String oldKeyId = keyIdOf(app, app.certificate());
        HttpResponse<String> removed = app.self()
                .post(
                        "applications(appId='" + app.clientId() + "')/removeKey",
                        "{\"keyId\":\"" + oldKeyId + "\",\"proof\":\"" + proof(app.objectId(), newKeys.getPrivate())
                                + "\"}");

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(keyThumbprints(app)).containsExactly(Thumbprints.sha1Hex(newCertificate));
        assertThat(CertificateSignIns.token(emulator, client, app.clientId(), app.certificate(), app.keys())
                        .body())
                .contains("AADSTS700027");
        assertThat(CertificateSignIns.token(emulator, client, app.clientId(), newCertificate, newKeys)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theAppIdAddressWorksForAddKeyAsTheObjectIdDoes() {
        App app = app();
        X509Certificate newCertificate = newCertificate(RsaKeys.generate());
        HttpResponse<String> added = app.self()
                .post(
                        "applications(appId='" + app.clientId() + "')/addKey",
                        addKeyBody(
                                newCertificate, proof(app.objectId(), app.keys().getPrivate())));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(keyThumbprints(app)).contains(Thumbprints.sha1Hex(newCertificate));
    }

    @Test
    void aProofIsRefusedForEachClaimOrSignatureThatIsWrongAndNothingChanges() {
        App app = app();
        PrivateKey key = app.keys().getPrivate();
        long now = Instant.now().getEpochSecond();
        Map<String, Map<String, Object>> wrongClaims = new LinkedHashMap<>();
        wrongClaims.put(
                "Graph's audience", claims("00000003-0000-0000-c000-000000000000", app.objectId(), now, now + 600));
        wrongClaims.put("the client id as issuer", claims(AAD_GRAPH, app.clientId(), now, now + 600));
        wrongClaims.put("a lifetime over ten minutes", claims(AAD_GRAPH, app.objectId(), now - 60, now + 600));
        wrongClaims.put("expired", claims(AAD_GRAPH, app.objectId(), now - 1800, now - 1200));
        wrongClaims.put("not yet valid", claims(AAD_GRAPH, app.objectId(), now + 1200, now + 1800));
        wrongClaims.put("no nbf", TestJwt.map("aud", AAD_GRAPH, "iss", app.objectId(), "exp", now + 600));
        X509Certificate newCertificate = newCertificate(RsaKeys.generate());
        for (Map.Entry<String, Map<String, Object>> wrong : wrongClaims.entrySet()) {
            String proof = TestJwt.sign(header(), wrong.getValue(), key);
            assertThat(message(
                            app.self()
                                    .post(
                                            "applications/" + app.objectId() + "/addKey",
                                            addKeyBody(newCertificate, proof)),
                            401,
                            "Authentication_MissingOrMalformed"))
                    .as(wrong.getKey())
                    .isEqualTo("Access Token missing or malformed.");
        }
        String signedByAStranger = proof(app.objectId(), RsaKeys.generate().getPrivate());
        error(
                app.self()
                        .post(
                                "applications/" + app.objectId() + "/addKey",
                                addKeyBody(newCertificate, signedByAStranger)),
                401,
                "Authentication_MissingOrMalformed");
        error(
                app.self().post("applications/" + app.objectId() + "/addKey", addKeyBody(newCertificate, "not.a.jwt")),
                401,
                "Authentication_MissingOrMalformed");
        assertThat(keyThumbprints(app)).containsExactly(Thumbprints.sha1Hex(app.certificate()));

        String exactlyTenMinutes = TestJwt.sign(header(), claims(AAD_GRAPH, app.objectId(), now, now + 600), key);
        assertThat(app.self()
                        .post(
                                "applications/" + app.objectId() + "/addKey",
                                addKeyBody(newCertificate, exactlyTenMinutes))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAppWhoseCertificatesHaveAllExpiredCannotProveAnythingEvenWithTheirKey() {
        App app = app(Instant.now().minus(Duration.ofDays(1)));
        X509Certificate newCertificate = newCertificate(RsaKeys.generate());
        error(
                app.self()
                        .post(
                                "applications/" + app.objectId() + "/addKey",
                                addKeyBody(
                                        newCertificate,
                                        proof(app.objectId(), app.keys().getPrivate()))),
                401,
                "Authentication_MissingOrMalformed");
        assertThat(keyThumbprints(app)).containsExactly(Thumbprints.sha1Hex(app.certificate()));
    }

    @Test
    void badBodiesAreRefusedWithGraphsErrorShape() {
        App app = app();
        String proof = proof(app.objectId(), app.keys().getPrivate());
        String certificate = base64(newCertificate(RsaKeys.generate()));
        String path = "applications/" + app.objectId() + "/addKey";
        for (String keyCredential : List.of(
                "null",
                "{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Sign\",\"key\":\"" + certificate + "\"}",
                "{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\"}",
                "{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\"aGVsbG8=\"}")) {
            assertThat(message(
                            app.self()
                                    .post(
                                            path,
                                            "{\"keyCredential\":" + keyCredential + ",\"proof\":\"" + proof + "\"}"),
                            400,
                            "Request_BadRequest"))
                    .as(keyCredential)
                    .isEqualTo("Invalid value specified for property 'keyCredential' of resource 'Application'.");
        }
        error(
                app.self()
                        .post(
                                path,
                                "{\"keyCredential\":{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\""
                                        + certificate + "\"}}"),
                400,
                "Request_BadRequest");
        String removePath = "applications/" + app.objectId() + "/removeKey";
        assertThat(message(
                        app.self().post(removePath, "{\"keyId\":\"nope\",\"proof\":\"" + proof + "\"}"),
                        400,
                        "Request_BadRequest"))
                .isEqualTo("Invalid value specified for property 'keyId' of resource 'Application'.");
        assertThat(message(
                        app.self()
                                .post(
                                        removePath,
                                        "{\"keyId\":\"" + UUID.randomUUID() + "\",\"proof\":\"" + proof + "\"}"),
                        400,
                        "Request_BadRequest"))
                .contains("No key credential with keyId");
        assertThat(keyThumbprints(app)).containsExactly(Thumbprints.sha1Hex(app.certificate()));
    }

    @Test
    void anotherAppNeedsApplicationReadWriteAllToRollSomeoneElsesKeys() {
        App app = app();
        App other = app();
        X509Certificate newCertificate = newCertificate(RsaKeys.generate());
        String body =
                addKeyBody(newCertificate, proof(app.objectId(), app.keys().getPrivate()));
        error(
                other.self().post("applications/" + app.objectId() + "/addKey", body),
                403,
                "Authorization_RequestDenied");
        assertThat(appAdmin.post("applications/" + app.objectId() + "/addKey", body)
                        .statusCode())
                .isEqualTo(200);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static X509Certificate newCertificate(KeyPair keys) {
        Instant now = Instant.now();
        return Certificates.selfSignedClient(
                keys, "Rolled", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
    }

    private static Map<String, Object> header() {
        return TestJwt.map("alg", "RS256", "typ", "JWT");
    }

    private static Map<String, Object> claims(String aud, String iss, long nbf, long exp) {
        return TestJwt.map("aud", aud, "iss", iss, "nbf", nbf, "exp", exp);
    }

    private static String proof(String objectId, PrivateKey key) {
        long now = Instant.now().getEpochSecond();
        return TestJwt.sign(header(), claims(AAD_GRAPH, objectId, now, now + 600), key);
    }

    private static String addKeyBody(X509Certificate certificate, String proof) {
        return "{\"keyCredential\":{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\""
                + base64(certificate) + "\"},\"passwordCredential\":null,\"proof\":\"" + proof + "\"}";
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keyThumbprints(App app) {
        return strings(
                objects(appAdmin.ok("applications/" + app.objectId()).getAsJsonArray("keyCredentials")),
                "customKeyIdentifier");
    }

    private static String keyIdOf(App app, X509Certificate certificate) {
        return objects(appAdmin.ok("applications/" + app.objectId()).getAsJsonArray("keyCredentials")).stream()
                .filter(key -> key.get("customKeyIdentifier").getAsString().equals(Thumbprints.sha1Hex(certificate)))
                .findFirst()
                .orElseThrow()
                .get("keyId")
                .getAsString();
    }
}

package dev.entrashell.emulator;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.Certificates;
import dev.entrashell.emulator.tls.RsaKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint signs an app in with the credentials of its Graph objects, the only record of
 * them: what Graph adds signs in at once, what Graph removes is refused at once, with no step that
 * copies credentials from one store to another.
 */
@EmulatorTest(users = 10)
class AppCredentialsThroughGraphTest {
    private static Emulator emulator;
    private static TestClient client;
    private static GraphCalls appAdmin;
    private static TenantObjects objects;

    @BeforeAll
    static void start() {
        client = new TestClient(emulator.caCertificate());
        appAdmin = GraphCalls.withRoles(emulator, client, "Application.ReadWrite.All");
        objects = emulator.directory().objects(emulator.demo().tenantId());
    }

    @Test
    void aSecretAddedThroughGraphSignsInAndOnceRemovedIsRefused() {
        String clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        emulator.demo().tenantId(),
                        AppRegistration.of(clientId, "No Secret Yet", List.of(), List.of(), Set.of("User.Read.All")));
        String id = objects.applicationByAppId(clientId).orElseThrow().id();

        JsonObject added = TestClient.json(appAdmin.post("applications/" + id + "/addPassword", "{}"));
        String secret = added.get("secretText").getAsString();
        String token = GraphTest.secretToken(emulator, client, clientId, secret);
        assertThat(TestJwt.claims(token).get("appid").getAsString()).isEqualTo(clientId);

        HttpResponse<String> removed = appAdmin.post(
                "applications/" + id + "/removePassword",
                "{\"keyId\":\"" + added.get("keyId").getAsString() + "\"}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        AadErrorAssert.assertAadError(secretTokenResponse(clientId, secret), 401, "invalid_client", 7000215);
    }

    @Test
    void aCertificateSetThroughGraphOnASeededAppSignsIn() {
        String clientId = DemoSeed.PAYROLL_APP_ID;
        KeyPair keys = RsaKeys.generate();
        Instant now = Instant.now();
        X509Certificate certificate = Certificates.selfSignedClient(
                keys, "Payroll Connector 2026", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        AadErrorAssert.assertAadError(
                CertificateSignIns.token(emulator, client, clientId, certificate, keys), 401, "invalid_client", 700027);

        String id = objects.applicationByAppId(clientId).orElseThrow().id();
        HttpResponse<String> patched = appAdmin.patch(
                "applications/" + id, "{\"keyCredentials\":[" + CertificateSignIns.keyCredential(certificate) + "]}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);

        HttpResponse<String> signedIn = CertificateSignIns.token(emulator, client, clientId, certificate, keys);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    }

    @Test
    void theTokenEndpointReadsTheApplicationObjectAndKeepsNoCopy() {
        String clientId = UUID.randomUUID().toString();
        String secret = "kept-only-in-graph-" + UUID.randomUUID();
        emulator.directory()
                .registerApplication(
                        emulator.demo().tenantId(),
                        AppRegistration.of(
                                clientId, "One Record", List.of(), List.of(secret), Set.of("User.Read.All")));
        GraphTest.secretToken(emulator, client, clientId, secret);

        Application application = objects.applicationByAppId(clientId).orElseThrow();
        assertThat(application.passwordCredentials())
                .singleElement()
                .satisfies(password -> assertThat(password.toString()).doesNotContain(secret));
        objects.putApplication(application.withPasswordCredentials(List.of()));

        AadErrorAssert.assertAadError(secretTokenResponse(clientId, secret), 401, "invalid_client", 7000215);
        assertThat(emulator.directory().application(emulator.demo().tenantId(), clientId))
                .hasValueSatisfying(app -> assertThat(app.secrets()).isEmpty());
    }

    private static HttpResponse<String> secretTokenResponse(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("scope", "https://graph.microsoft.com/.default");
        return client.postForm(emulator.tokenEndpoint(emulator.demo().tenantId()), form);
    }
}

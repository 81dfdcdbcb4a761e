package dev.entrashell.emulator;

import java.net.URI;
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

import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.Certificates;
import dev.entrashell.emulator.tls.RsaKeys;

import static dev.entrashell.emulator.AadErrorAssert.assertAadError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenants and apps registered at run time, as the shell's tests do, and isolation between tenants. */
@EmulatorTest(users = 3)
class MultiTenantTest {
    private static final String FABRIKAM_ID = "0b8f4e6a-2c1d-4f3e-9a8b-7c6d5e4f3a2b";
    private static final String FABRIKAM_DOMAIN = "fabrikam.onmicrosoft.com";

    private static Emulator emulator;
    private static TestClient client;
    private static KeyPair keys;
    private static X509Certificate certificate;
    private static String clientId;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient(emulator.caCertificate());
        Tenant fabrikam = emulator.directory().registerTenant(FABRIKAM_ID, FABRIKAM_DOMAIN, "Fabrikam");
        keys = RsaKeys.generate();
        Instant now = Instant.now();
        certificate = Certificates.selfSignedClient(
                keys, "Fabrikam Sync", now.minusSeconds(60), now.plus(Duration.ofDays(30)));
        clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        fabrikam.id(),
                        AppRegistration.of(
                                clientId,
                                "Fabrikam Sync",
                                List.of(certificate),
                                List.of(),
                                Set.of("Directory.Read.All")));
    }

    @Test
    void issuesTokensForARegisteredTenantAndServesItsOwnDirectory() {
        URI tokenEndpoint = emulator.tokenEndpoint(FABRIKAM_DOMAIN.toUpperCase());
        ClientAssertions assertion = ClientAssertions.msal(
                clientId,
                certificate,
                keys.getPrivate(),
                emulator.loginEndpoint() + "/" + FABRIKAM_DOMAIN + "/oauth2/v2.0/token",
                Instant.now());

        HttpResponse<String> response = client.postForm(tokenEndpoint, form(clientId, assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = TestClient.json(response).get("access_token").getAsString();
        assertThat(TestJwt.claims(token).get("tid").getAsString()).isEqualTo(FABRIKAM_ID);

        JsonObject organization = TestClient.json(
                        client.get(URI.create(emulator.graphEndpoint() + "/v1.0/organization"), token))
                .getAsJsonArray("value")
                .get(0)
                .getAsJsonObject();
        assertThat(organization.get("displayName").getAsString()).isEqualTo("Fabrikam");
        JsonObject users = TestClient.json(client.get(URI.create(emulator.graphEndpoint() + "/v1.0/users"), token));
        assertThat(users.getAsJsonArray("value")).isEmpty();
        assertThat(users.has("@odata.nextLink")).isFalse();
        String demoUser = emulator.directory()
                .users(emulator.demo().tenantId())
                .all()
                .get(0)
                .id();
        assertThat(client.get(URI.create(emulator.graphEndpoint() + "/v1.0/users/" + demoUser), token)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void doesNotKnowAnAppInAnotherTenant() {
        DemoTenant demo = emulator.demo();
        ClientAssertions assertion = ClientAssertions.msal(
                demo.clientId(),
                demo.certificate(),
                demo.privateKey(),
                emulator.tokenEndpoint(FABRIKAM_ID).toString(),
                Instant.now());

        assertAadError(
                client.postForm(emulator.tokenEndpoint(FABRIKAM_ID), form(demo.clientId(), assertion.sign())),
                400,
                "unauthorized_client",
                700016);
    }

    @Test
    void refusesADuplicateTenantOrDomain() {
        assertThatThrownBy(() -> emulator.directory().registerTenant(FABRIKAM_ID, "other.onmicrosoft.com", "Other"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.directory()
                        .registerTenant(UUID.randomUUID().toString(), "FABRIKAM.onmicrosoft.com", "Other"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> form(String client, String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", client);
        form.put("scope", "https://graph.microsoft.com/.default");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        return form;
    }
}

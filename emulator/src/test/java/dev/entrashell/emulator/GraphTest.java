package dev.entrashell.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.RsaKeys;

import static org.assertj.core.api.Assertions.assertThat;

@EmulatorTest(users = GraphTest.USERS)
class GraphTest {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String ODATA_JSON =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    static final int USERS = 250;

    private static Emulator emulator;
    private static TestClient client;
    private static DemoTenant demo;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient(emulator.caCertificate());
        demo = emulator.demo();
        token = secretToken(emulator, client, demo.clientId(), demo.clientSecret());
    }

    @Test
    void readsTheOrganization() {
        String clientRequestId = UUID.randomUUID().toString();
        HttpResponse<String> response =
                client.get(graph("/v1.0/organization"), token, Map.of("client-request-id", clientRequestId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ODATA_JSON);
        assertThat(response.headers().firstValue("request-id").orElseThrow()).matches(GUID);
        assertThat(response.headers().firstValue("client-request-id")).hasValue(clientRequestId);
        assertThat(response.headers().firstValue("Date")).isPresent();
        JsonObject body = TestClient.json(response);
        assertThat(body.get("@odata.context").getAsString())
                .isEqualTo(emulator.graphEndpoint() + "/v1.0/$metadata#organization");
        JsonObject organization = body.getAsJsonArray("value").get(0).getAsJsonObject();
        assertThat(organization.get("id").getAsString()).isEqualTo(demo.tenantId());
        assertThat(organization.get("displayName").getAsString()).isEqualTo("Contoso Demo");
        assertThat(organization.get("tenantType").getAsString()).isEqualTo("AAD");
        assertThat(organization.get("countryLetterCode").getAsString()).isEqualTo("US");
        JsonObject domain =
                organization.getAsJsonArray("verifiedDomains").get(0).getAsJsonObject();
        assertThat(domain.get("name").getAsString()).isEqualTo("contosodemo.onmicrosoft.com");
        assertThat(domain.get("isDefault").getAsBoolean()).isTrue();
        assertThat(domain.get("isInitial").getAsBoolean()).isTrue();
        assertThat(domain.get("type").getAsString()).isEqualTo("Managed");
    }

    @Test
    void betaServesTheSameResources() {
        HttpResponse<String> response = client.get(graph("/beta/organization"), token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(response).get("@odata.context").getAsString())
                .isEqualTo(emulator.graphEndpoint() + "/beta/$metadata#organization");
    }

    @Test
    void pagesThroughEveryUserByNextLinkWithoutDuplicates() {
        List<String> ids = new ArrayList<>();
        URI next = graph("/v1.0/users");
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = client.get(next, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject body = TestClient.json(response);
            assertThat(body.get("@odata.context").getAsString())
                    .isEqualTo(emulator.graphEndpoint() + "/v1.0/$metadata#users");
            body.getAsJsonArray("value")
                    .forEach(user -> ids.add(user.getAsJsonObject().get("id").getAsString()));
            next = body.has("@odata.nextLink")
                    ? URI.create(body.get("@odata.nextLink").getAsString())
                    : null;
            pages++;
        }

        assertThat(pages).isEqualTo(3); // 100 + 100 + 50
        assertThat(ids).hasSize(USERS).doesNotHaveDuplicates();
    }

    @Test
    void honoursTopWithAndWithoutDollarAndKeepsItInNextLink() {
        JsonObject first = TestClient.json(client.get(graph("/v1.0/users?$top=7"), token));
        assertThat(first.getAsJsonArray("value")).hasSize(7);
        String nextLink = first.get("@odata.nextLink").getAsString();
        assertThat(nextLink).startsWith(emulator.graphEndpoint() + "/v1.0/users?$top=7&$skiptoken=");
        String skipToken = nextLink.substring(nextLink.indexOf("$skiptoken=") + "$skiptoken=".length());
        assertThat(skipToken).isNotEqualTo("7");

        assertThat(TestClient.json(client.get(graph("/v1.0/users?top=3"), token))
                        .getAsJsonArray("value"))
                .hasSize(3);
        assertThat(TestClient.json(client.get(graph("/v1.0/users?%24top=999"), token))
                        .getAsJsonArray("value"))
                .hasSize(USERS);

        Set<String> ids = new HashSet<>();
        URI next = graph("/v1.0/users?$top=60");
        while (next != null) {
            JsonObject page = TestClient.json(client.get(next, token));
            page.getAsJsonArray("value")
                    .forEach(u -> ids.add(u.getAsJsonObject().get("id").getAsString()));
            next = page.has("@odata.nextLink")
                    ? URI.create(page.get("@odata.nextLink").getAsString())
                    : null;
        }
        assertThat(ids).hasSize(USERS);
    }

    @Test
    void writesGraphsDefaultUserProperties() {
        JsonObject user = TestClient.json(client.get(graph("/v1.0/users?$top=1"), token))
                .getAsJsonArray("value")
                .get(0)
                .getAsJsonObject();

        assertThat(user.keySet())
                .containsExactly(
                        "businessPhones",
                        "displayName",
                        "givenName",
                        "jobTitle",
                        "mail",
                        "mobilePhone",
                        "officeLocation",
                        "preferredLanguage",
                        "surname",
                        "userPrincipalName",
                        "id");
    }

    @Test
    void selectsProperties() {
        JsonObject body =
                TestClient.json(client.get(graph("/v1.0/users?$select=id,DisplayName,userType&$top=2"), token));

        assertThat(body.get("@odata.context").getAsString()).endsWith("$metadata#users(id,displayName,userType)");
        assertThat(body.getAsJsonArray("value").get(0).getAsJsonObject().keySet())
                .containsExactly("id", "displayName", "userType");
        assertThat(body.get("@odata.nextLink").getAsString()).contains("$select=");

        assertGraphError(client.get(graph("/v1.0/users?$select=nope"), token), 400, "Request_BadRequest");
    }

    @Test
    void rejectsTopOutOfRange() {
        for (String top : List.of("0", "1000", "-1", "many")) {
            HttpResponse<String> response = client.get(graph("/v1.0/users?$top=" + top), token);

            JsonObject error = assertGraphError(response, 400, "Request_BadRequest");
            assertThat(error.get("message").getAsString())
                    .isEqualTo("Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
        }
    }

    @Test
    void rejectsTamperedSkipToken() {
        String nextLink = TestClient.json(client.get(graph("/v1.0/users?$top=5"), token))
                .get("@odata.nextLink")
                .getAsString();
        char last = nextLink.charAt(nextLink.length() - 1);
        String tampered = nextLink.substring(0, nextLink.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertGraphError(client.get(URI.create(tampered), token), 400, "Request_BadRequest");
        assertGraphError(client.get(graph("/v1.0/users?$skiptoken=100"), token), 400, "Request_BadRequest");
    }

    @Test
    void rejectsRepeatedAndUnknownQueryOptions() {
        assertGraphError(client.get(graph("/v1.0/users?$top=5&top=6"), token), 400, "BadRequest");
        assertGraphError(client.get(graph("/v1.0/users?$frobnicate=1"), token), 400, "BadRequest");
        assertGraphError(client.get(graph("/v1.0/users?$skip=5"), token), 400, "Request_BadRequest");
    }

    @Test
    void getsAUserByIdAndByUserPrincipalName() {
        User member = emulator.directory().users(demo.tenantId()).all().stream()
                .filter(u -> u.userType().equals("Member"))
                .findFirst()
                .orElseThrow();

        HttpResponse<String> byId = client.get(graph("/v1.0/users/" + member.id()), token);
        assertThat(byId.statusCode()).isEqualTo(200);
        JsonObject body = TestClient.json(byId);
        assertThat(body.get("@odata.context").getAsString())
                .isEqualTo(emulator.graphEndpoint() + "/v1.0/$metadata#users/$entity");
        assertThat(body.get("userPrincipalName").getAsString()).isEqualTo(member.userPrincipalName());

        HttpResponse<String> byUpn =
                client.get(graph("/v1.0/users/" + member.userPrincipalName().toUpperCase()), token);
        assertThat(TestClient.json(byUpn).get("id").getAsString()).isEqualTo(member.id());
    }

    @Test
    void getsAGuestByItsExtUserPrincipalName() {
        User guest = emulator.directory().users(demo.tenantId()).all().stream()
                .filter(u -> u.userType().equals("Guest"))
                .findFirst()
                .orElseThrow();
        assertThat(guest.userPrincipalName()).contains("#EXT#@contosodemo.onmicrosoft.com");

        HttpResponse<String> response =
                client.get(graph("/v1.0/users/" + guest.userPrincipalName().replace("#", "%23")), token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TestClient.json(response).get("id").getAsString()).isEqualTo(guest.id());
    }

    @Test
    void answersUnknownUserWith404() {
        String id = UUID.randomUUID().toString();

        JsonObject error =
                assertGraphError(client.get(graph("/v1.0/users/" + id), token), 404, "Request_ResourceNotFound");

        assertThat(error.get("message").getAsString())
                .isEqualTo("Resource '" + id
                        + "' does not exist or one of its queried reference-property objects are not present.");
    }

    @Test
    void answersUnknownSegmentAndMethod() {
        JsonObject error = assertGraphError(client.get(graph("/v1.0/frobnicators"), token), 400, "BadRequest");
        assertThat(error.get("message").getAsString()).isEqualTo("Resource not found for the segment 'frobnicators'.");
        JsonObject deeper = assertGraphError(
                client.get(graph("/v1.0/users/" + UUID.randomUUID() + "/widgets"), token), 400, "BadRequest");
        assertThat(deeper.get("message").getAsString()).isEqualTo("Resource not found for the segment 'widgets'.");

        HttpResponse<String> delete = client.send(HttpRequest.newBuilder(graph("/v1.0/organization"))
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
        assertGraphError(delete, 405, "Request_BadRequest");
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");

        assertGraphError(client.get(graph("/v2.0/users"), token), 400, "BadRequest");
    }

    @Test
    void rejectsMissingToken() {
        HttpResponse<String> response = client.get(graph("/v1.0/users"), null);

        JsonObject error = assertGraphError(response, 401, "InvalidAuthenticationToken");
        assertThat(error.get("message").getAsString()).isEqualTo("Access token is empty.");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .isEqualTo("Bearer realm=\"\", authorization_uri=\"" + emulator.loginEndpoint()
                        + "/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    }

    @Test
    void rejectsGarbageToken() {
        assertGraphError(client.get(graph("/v1.0/users"), "garbage"), 401, "InvalidAuthenticationToken");
    }

    @Test
    void rejectsTokenSignedByAnotherKey() {
        Map<String, Object> header = new LinkedHashMap<>();
        TestJwt.header(token)
                .entrySet()
                .forEach(e -> header.put(e.getKey(), e.getValue().getAsString()));
        Map<String, Object> claims = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> claim : TestJwt.claims(token).entrySet()) {
            claims.put(
                    claim.getKey(),
                    claim.getValue().isJsonArray()
                            ? claim.getValue().getAsJsonArray().asList().stream()
                                    .map(JsonElement::getAsString)
                                    .toList()
                            : claim.getValue().getAsString());
        }
        String forged = TestJwt.sign(header, claims, RsaKeys.generate().getPrivate());

        JsonObject error =
                assertGraphError(client.get(graph("/v1.0/users"), forged), 401, "InvalidAuthenticationToken");

        assertThat(error.get("message").getAsString()).isEqualTo("Access token validation failure. Invalid signature.");
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        String[] parts = token.split("\\.");
        JsonObject claims = TestJwt.claims(token);
        claims.addProperty("aud", "https://vault.azure.net");
        String otherAudience = parts[0] + "." + TestJwt.b64(claims.toString().getBytes()) + "." + parts[2];

        JsonObject error =
                assertGraphError(client.get(graph("/v1.0/users"), otherAudience), 401, "InvalidAuthenticationToken");

        assertThat(error.get("message").getAsString()).isEqualTo("Access token validation failure. Invalid audience.");
    }

    @Test
    void rejectsExpiredToken() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (Emulator timed =
                Emulator.start(EmulatorOptions.defaults().withUserCount(3).withClock(clock))) {
            TestClient timedClient = new TestClient(timed.caCertificate());
            String shortLived = secretToken(
                    timed, timedClient, timed.demo().clientId(), timed.demo().clientSecret());
            URI users = URI.create(timed.graphEndpoint() + "/v1.0/users");
            assertThat(timedClient.get(users, shortLived).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofSeconds(3599).plus(Duration.ofMinutes(5)).plusSeconds(1));

            JsonObject error = assertGraphError(timedClient.get(users, shortLived), 401, "InvalidAuthenticationToken");
            assertThat(error.get("message").getAsString())
                    .isEqualTo("Lifetime validation failed, the token is expired.");
        }
    }

    @Test
    void forbidsAnAppWithoutRoles() {
        String clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(clientId, "Roleless", List.of(), List.of("pw-1"), Set.of()));
        String roleless = secretToken(emulator, client, clientId, "pw-1");

        JsonObject error =
                assertGraphError(client.get(graph("/v1.0/users"), roleless), 403, "Authorization_RequestDenied");

        assertThat(error.get("message").getAsString()).isEqualTo("Insufficient privileges to complete the operation.");
        assertGraphError(client.get(graph("/v1.0/organization"), roleless), 403, "Authorization_RequestDenied");
    }

    @Test
    void authorizesByTheRolesOfTheOperation() {
        String clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                clientId, "Org Reader", List.of(), List.of("pw-2"), Set.of("Organization.Read.All")));
        String orgReader = secretToken(emulator, client, clientId, "pw-2");

        assertThat(client.get(graph("/v1.0/organization"), orgReader).statusCode())
                .isEqualTo(200);
        assertGraphError(client.get(graph("/v1.0/users"), orgReader), 403, "Authorization_RequestDenied");

        String directoryReaderId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                directoryReaderId,
                                "Dir Reader",
                                List.of(),
                                List.of("pw-3"),
                                Set.of("Directory.Read.All")));
        String directoryReader = secretToken(emulator, client, directoryReaderId, "pw-3");
        assertThat(client.get(graph("/v1.0/users"), directoryReader).statusCode())
                .isEqualTo(200);
    }

    @Test
    void recordsRequestsInTheLog() {
        String marker = UUID.randomUUID().toString();
        client.get(graph("/v1.0/users/" + marker), token);

        RecordedRequest recorded = emulator.requests().stream()
                .filter(r -> r.pathAndQuery().contains(marker))
                .findFirst()
                .orElseThrow();
        assertThat(recorded.server()).isEqualTo("graph");
        assertThat(recorded.method()).isEqualTo("GET");
        assertThat(recorded.status()).isEqualTo(404);
        assertThat(recorded.body()).isNull();
        assertThat(recorded.headers().get("authorization")).isNotEmpty();
        assertThat(emulator.requests().stream().filter(r -> r.server().equals("login")))
                .anySatisfy(r -> assertThat(r.body()).contains("grant_type=client_credentials"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Checks Graph's error shape and returns the {@code error} object. */
    private static JsonObject assertGraphError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ODATA_JSON);
        JsonObject error = TestClient.json(response).getAsJsonObject("error");
        assertThat(error.get("code").getAsString()).as(response.body()).isEqualTo(code);
        assertThat(error.get("message").getAsString()).isNotBlank();
        JsonObject inner = error.getAsJsonObject("innerError");
        assertThat(inner.get("request-id").getAsString())
                .isEqualTo(response.headers().firstValue("request-id").orElseThrow());
        assertThat(inner.get("client-request-id").getAsString())
                .isEqualTo(response.headers().firstValue("client-request-id").orElseThrow());
        assertThat(inner.get("date").getAsString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        return error;
    }

    private static URI graph(String pathAndQuery) {
        return URI.create(emulator.graphEndpoint() + pathAndQuery);
    }

    static String secretToken(Emulator target, TestClient http, String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("scope", "https://graph.microsoft.com/.default");
        HttpResponse<String> response =
                http.postForm(target.tokenEndpoint(target.demo().tenantId()), form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.json(response).get("access_token").getAsString();
    }
}

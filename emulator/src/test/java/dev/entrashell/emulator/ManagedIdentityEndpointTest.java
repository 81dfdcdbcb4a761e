package dev.entrashell.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.demo.DemoIdentities;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.ManagedIdentity;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.http.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managed identity endpoints over real HTTP, with exactly the requests MSAL4J 1.26 sends
 * (java-libs.md section 2): App Service's {@code GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=R}
 * with {@code X-IDENTITY-HEADER}, and IMDS's {@code GET
 * /metadata/identity/oauth2/token?api-version=2018-02-01&resource=R} with {@code Metadata: true}.
 */
class ManagedIdentityEndpointTest {
    private static final String GRAPH = "https://graph.microsoft.com";
    private static final Duration LIFETIME = Duration.ofSeconds(1234);

    private static Emulator emulator;
    private static DemoIdentities identities;
    private static TestClient graph;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorOptions.defaults().withUserCount(5).withTokenLifetime(LIFETIME));
        identities = emulator.demoIdentities();
        graph = new TestClient(emulator.caCertificate());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    // App Service

    @Test
    void appServiceIssuesTheSystemAssignedIdentitysToken() {
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> response = appService(Map.of(), emulator.identityHeader());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonObject body = TestClient.json(response);
        assertThat(body.keySet())
                .containsExactlyInAnyOrder("access_token", "expires_on", "resource", "token_type", "client_id");
        assertThat(body.get("token_type").getAsString()).isEqualTo("Bearer");
        assertThat(body.get("resource").getAsString()).isEqualTo(GRAPH);
        assertThat(body.get("client_id").getAsString())
                .isEqualTo(identities.systemAssigned().clientId());
        assertThat(body.get("expires_on").getAsJsonPrimitive().isString()).isTrue();
        long expiresOn = Long.parseLong(body.get("expires_on").getAsString());
        assertThat(expiresOn).isBetween(before + LIFETIME.getSeconds(), before + LIFETIME.getSeconds() + 5);

        String token = body.get("access_token").getAsString();
        assertManagedIdentityToken(token, identities.systemAssigned());
        assertThat(TestJwt.claims(token).get("exp").getAsLong()).isEqualTo(expiresOn);
        assertThat(graph.get(graphUri("/v1.0/organization"), token).statusCode())
                .isEqualTo(200);
    }

    static Stream<Arguments> appServiceSelectors() {
        return Stream.of(
                Arguments.of("client_id", (Selector) DemoIdentities::userAssigned, (IdOf) ManagedIdentity::clientId),
                Arguments.of(
                        "principal_id", (Selector) DemoIdentities::userAssigned, (IdOf) ManagedIdentity::principalId),
                Arguments.of("object_id", (Selector) DemoIdentities::userAssigned, (IdOf) ManagedIdentity::principalId),
                Arguments.of("mi_res_id", (Selector) DemoIdentities::userAssigned, (IdOf) ManagedIdentity::resourceId),
                Arguments.of("client_id", (Selector) DemoIdentities::systemAssigned, (IdOf) ManagedIdentity::clientId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServiceSelectors")
    void appServiceSelectsAUserAssignedIdentity(String parameter, Selector selector, IdOf idOf) {
        ManagedIdentity identity = selector.pick(identities);

        HttpResponse<String> response = appService(Map.of(parameter, idOf.id(identity)), emulator.identityHeader());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = TestClient.json(response);
        assertThat(body.get("client_id").getAsString()).isEqualTo(identity.clientId());
        assertManagedIdentityToken(body.get("access_token").getAsString(), identity);
    }

    @Test
    void appServiceMatchesResourceIdsWithoutRegardToCase() {
        String resourceId = identities.userAssigned().resourceId().toLowerCase(java.util.Locale.ROOT);

        HttpResponse<String> response = appService(Map.of("mi_res_id", resourceId), emulator.identityHeader());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void anIdentityWithoutRolesGetsATokenWithoutThemAndGraphRefusesIt() {
        ManagedIdentity unprivileged = identities.userAssignedWithoutRoles();
        String token = TestClient.json(
                        appService(Map.of("client_id", unprivileged.clientId()), emulator.identityHeader()))
                .get("access_token")
                .getAsString();

        assertThat(TestJwt.claims(token).has("roles")).isFalse();
        HttpResponse<String> users = graph.get(graphUri("/v1.0/users"), token);
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(TestClient.json(users).getAsJsonObject("error").get("code").getAsString())
                .isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void appServiceRequiresTheIdentityHeader() {
        assertAppServiceError(appService(Map.of(), null), 400);
        assertAppServiceError(appService(Map.of(), "not-the-secret"), 401);
    }

    @Test
    void appServiceRefusesAnUnknownIdentity() {
        String message =
                assertAppServiceError(appService(Map.of("client_id", Guids.random()), emulator.identityHeader()), 400);

        assertThat(message)
                .isEqualTo(
                        "No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.");
        assertAppServiceError(
                appService(
                        Map.of("mi_res_id", ManagedIdentity.userAssignedResourceId(Guids.random(), "rg", "nobody")),
                        emulator.identityHeader()),
                400);
    }

    @Test
    void appServiceRefusesAResourceOtherThanGraph() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("api-version", "2019-08-01");
        query.put("resource", "https://vault.azure.net");

        String message = assertAppServiceError(
                send(emulator.identityEndpoint(), query, Map.of("X-IDENTITY-HEADER", emulator.identityHeader())), 500);

        assertThat(message).isEqualTo("An unexpected error occured while fetching the AAD Token.");
    }

    @Test
    void appServiceRefusesTwoSelectorsAndOtherApiVersions() {
        assertAppServiceError(
                appService(
                        Map.of(
                                "client_id", identities.userAssigned().clientId(),
                                "mi_res_id", identities.userAssigned().resourceId()),
                        emulator.identityHeader()),
                400);
        Map<String, String> query = Map.of("api-version", "2017-09-01", "resource", GRAPH);
        assertAppServiceError(
                send(emulator.identityEndpoint(), query, Map.of("X-IDENTITY-HEADER", emulator.identityHeader())), 400);
    }

    // IMDS

    @Test
    void imdsIssuesTheSystemAssignedIdentitysTokenWithStringFields() {
        HttpResponse<String> response = imds(Map.of(), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = TestClient.json(response);
        assertThat(body.keySet())
                .containsExactlyInAnyOrder(
                        "access_token",
                        "refresh_token",
                        "expires_in",
                        "expires_on",
                        "not_before",
                        "resource",
                        "token_type");
        for (String field : body.keySet()) {
            assertThat(body.get(field).getAsJsonPrimitive().isString())
                    .as(field)
                    .isTrue();
        }
        assertThat(body.get("refresh_token").getAsString()).isEmpty();
        assertThat(body.get("expires_in").getAsString()).isEqualTo(String.valueOf(LIFETIME.getSeconds()));
        long notBefore = Long.parseLong(body.get("not_before").getAsString());
        // nbf is back-dated five minutes, as Entra does; expires_on is the moment of issue plus expires_in.
        assertThat(Long.parseLong(body.get("expires_on").getAsString()))
                .isEqualTo(notBefore + 300 + LIFETIME.getSeconds());
        assertThat(body.get("resource").getAsString()).isEqualTo(GRAPH);
        assertThat(body.get("token_type").getAsString()).isEqualTo("Bearer");
        String token = body.get("access_token").getAsString();
        assertManagedIdentityToken(token, identities.systemAssigned());
        assertThat(TestJwt.claims(token).get("nbf").getAsLong()).isEqualTo(notBefore);
        assertThat(graph.get(graphUri("/v1.0/users?$top=1"), token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void managedIdentityTokensLiveAboutADayByDefault() throws IOException {
        try (Emulator defaults = Emulator.start(EmulatorOptions.defaults().withUserCount(1))) {
            Map<String, String> query = Map.of("api-version", "2018-02-01", "resource", GRAPH);
            HttpResponse<String> response = send(
                    URI.create(defaults.managedIdentityEndpoint() + "/metadata/identity/oauth2/token"),
                    query,
                    Map.of("Metadata", "true"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(TestClient.json(response).get("expires_in").getAsString())
                    .isEqualTo("86399");
        }
    }

    static Stream<Arguments> imdsSelectors() {
        return Stream.of(
                Arguments.of("client_id", (IdOf) ManagedIdentity::clientId),
                Arguments.of("object_id", (IdOf) ManagedIdentity::principalId),
                Arguments.of("msi_res_id", (IdOf) ManagedIdentity::resourceId),
                Arguments.of("mi_res_id", (IdOf) ManagedIdentity::resourceId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imdsSelectors")
    void imdsSelectsAUserAssignedIdentity(String parameter, IdOf idOf) {
        ManagedIdentity automation = identities.userAssigned();

        HttpResponse<String> response = imds(Map.of(parameter, idOf.id(automation)), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = TestClient.json(response).get("access_token").getAsString();
        assertManagedIdentityToken(token, automation);
        assertThat(graph.get(graphUri("/v1.0/users?$top=1"), token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void imdsRequiresTheMetadataHeader() {
        HttpResponse<String> response = imds(Map.of(), false);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(response))
                .isEqualTo(imdsError("invalid_request", "Required metadata header not specified"));
    }

    @Test
    void imdsRefusesARequestCarryingXForwardedFor() {
        Map<String, String> query = Map.of("api-version", "2018-02-01", "resource", GRAPH);

        HttpResponse<String> response = send(
                URI.create(emulator.managedIdentityEndpoint() + "/metadata/identity/oauth2/token"),
                query,
                Map.of("Metadata", "true", "X-Forwarded-For", "203.0.113.7"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void imdsServesTheApiVersionsAzureAcceptsAndRefusesOthers() {
        for (String version : List.of("2018-02-01", "2019-08-01", "2021-02-01", "2025-04-07")) {
            Map<String, String> query = Map.of("api-version", version, "resource", GRAPH);
            HttpResponse<String> response = send(
                    URI.create(emulator.managedIdentityEndpoint() + "/metadata/identity/oauth2/token"),
                    query,
                    Map.of("Metadata", "true"));
            assertThat(response.statusCode())
                    .as(version + ": " + response.body())
                    .isEqualTo(200);
        }
        for (String version : List.of("2017-12-01", "2018-02-02", "latest")) {
            Map<String, String> query = Map.of("api-version", version, "resource", GRAPH);
            HttpResponse<String> response = send(
                    URI.create(emulator.managedIdentityEndpoint() + "/metadata/identity/oauth2/token"),
                    query,
                    Map.of("Metadata", "true"));
            assertThat(response.statusCode()).as(version).isEqualTo(400);
            JsonObject body = TestClient.json(response);
            assertThat(body.get("error").getAsString())
                    .isEqualTo("Bad request. api-version is invalid or was not specified in the request. For more"
                            + " information refer to aka.ms/azureimds");
            assertThat(body.getAsJsonArray("newest-versions").get(0).getAsString())
                    .isEqualTo("2025-04-07");
        }
    }

    @Test
    void imdsRefusesAnUnknownIdentity() {
        for (String parameter : List.of("client_id", "object_id")) {
            HttpResponse<String> response = imds(Map.of(parameter, Guids.random()), true);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(TestClient.json(response)).isEqualTo(imdsError("invalid_request", "Identity not found"));
        }
    }

    @Test
    void imdsPassesEntrasRefusalOfAnUnknownResourceThrough() {
        Map<String, String> query = Map.of("api-version", "2018-02-01", "resource", "https://vault.azure.net");

        HttpResponse<String> response = send(
                URI.create(emulator.managedIdentityEndpoint() + "/metadata/identity/oauth2/token"),
                query,
                Map.of("Metadata", "true"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject body = TestClient.json(response);
        assertThat(body.get("error").getAsString()).isEqualTo("invalid_resource");
        assertThat(body.get("error_description").getAsString())
                .startsWith(
                        "AADSTS500011: The resource principal named https://vault.azure.net was not found in the tenant named Contoso Demo.");
        assertThat(body.getAsJsonArray("error_codes").get(0).getAsInt()).isEqualTo(500011);
    }

    @Test
    void imdsRequiresAResource() {
        HttpResponse<String> response = send(
                URI.create(emulator.managedIdentityEndpoint() + "/metadata/identity/oauth2/token"),
                Map.of("api-version", "2018-02-01"),
                Map.of("Metadata", "true"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(response))
                .isEqualTo(imdsError("invalid_request", "Required audience parameter not specified"));
    }

    // Both

    @Test
    void tokensAcceptGraphsOtherNamesForItself() {
        for (String resource : List.of(GRAPH + "/", "00000003-0000-0000-c000-000000000000")) {
            Map<String, String> query = Map.of("api-version", "2018-02-01", "resource", resource);
            HttpResponse<String> response = send(
                    URI.create(emulator.managedIdentityEndpoint() + "/metadata/identity/oauth2/token"),
                    query,
                    Map.of("Metadata", "true"));

            assertThat(response.statusCode()).as(resource).isEqualTo(200);
            assertThat(TestClient.json(response).get("resource").getAsString()).isEqualTo(resource);
        }
    }

    @Test
    void identitiesRegisteredLaterInAnotherTenantAreServed() {
        Tenant fabrikam =
                emulator.directory().registerTenant(Guids.random(), "fabrikam-mi.onmicrosoft.com", "Fabrikam MI");
        ManagedIdentity builder = emulator.directory()
                .workloads(fabrikam.id())
                .registerManagedIdentity(new ManagedIdentity(
                        ManagedIdentity.Kind.USER_ASSIGNED,
                        fabrikam.id(),
                        Guids.random(),
                        Guids.random(),
                        ManagedIdentity.userAssignedResourceId(Guids.random(), "builds", "builder"),
                        "builder",
                        new HashSet<>(Set.of("Organization.Read.All"))));

        HttpResponse<String> response = imds(Map.of("client_id", builder.clientId()), true);

        String token = TestClient.json(response).get("access_token").getAsString();
        assertManagedIdentityToken(token, builder);
        HttpResponse<String> organization = graph.get(graphUri("/v1.0/organization"), token);
        assertThat(organization.statusCode()).isEqualTo(200);
        assertThat(organization.body()).contains("Fabrikam MI");
    }

    @Test
    void otherPathsAreNotFoundAndRequestsAreRecorded() {
        HttpResponse<String> response = send(
                URI.create(emulator.managedIdentityEndpoint() + "/metadata/instance"),
                Map.of(),
                Map.of("Metadata", "true"));

        assertThat(response.statusCode()).isEqualTo(404);
        RecordedRequest recorded = RecordedRequests.last(
                emulator, request -> request.pathAndQuery().equals("/metadata/instance"));
        assertThat(recorded.server()).isEqualTo(Emulator.IDENTITY_SERVER);
        assertThat(recorded.status()).isEqualTo(404);
    }

    @Test
    void environmentsNameTheEndpoints() {
        assertThat(emulator.managedIdentityEndpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(emulator.appServiceEnvironment())
                .containsOnly(
                        Map.entry("IDENTITY_ENDPOINT", emulator.managedIdentityEndpoint() + "/msi/token"),
                        Map.entry("IDENTITY_HEADER", emulator.identityHeader()));
        assertThat(emulator.imdsEnvironment())
                .containsOnly(Map.entry(
                        "AZURE_POD_IDENTITY_AUTHORITY_HOST",
                        emulator.managedIdentityEndpoint().toString()));
    }

    // helpers

    @FunctionalInterface
    interface Selector {
        ManagedIdentity pick(DemoIdentities identities);
    }

    @FunctionalInterface
    interface IdOf {
        String id(ManagedIdentity identity);
    }

    private static void assertManagedIdentityToken(String token, ManagedIdentity identity) {
        JsonObject claims = TestJwt.claims(token);
        assertThat(claims.get("aud").getAsString()).isEqualTo(GRAPH);
        assertThat(claims.get("iss").getAsString()).isEqualTo("https://sts.windows.net/" + identity.tenantId() + "/");
        assertThat(claims.get("tid").getAsString()).isEqualTo(identity.tenantId());
        assertThat(claims.get("idtyp").getAsString()).isEqualTo("app");
        assertThat(claims.get("appid").getAsString()).isEqualTo(identity.clientId());
        assertThat(claims.get("oid").getAsString()).isEqualTo(identity.principalId());
        assertThat(claims.get("sub").getAsString()).isEqualTo(identity.principalId());
        assertThat(claims.get("app_displayname").getAsString()).isEqualTo(identity.displayName());
        assertThat(claims.get("xms_mirid").getAsString()).isEqualTo(identity.resourceId());
        assertThat(claims.get("appidacr").getAsString()).isEqualTo("2");
        assertThat(claims.get("exp").getAsLong() - claims.get("nbf").getAsLong())
                .isEqualTo(LIFETIME.getSeconds() + 300);
        if (identity.roles().isEmpty()) {
            assertThat(claims.has("roles")).isFalse();
        } else {
            List<String> roles = claims.getAsJsonArray("roles").asList().stream()
                    .map(role -> role.getAsString())
                    .toList();
            assertThat(roles).isSorted().containsExactlyInAnyOrderElementsOf(identity.roles());
        }
    }

    private static String assertAppServiceError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject body = TestClient.json(response);
        assertThat(body.keySet()).containsExactlyInAnyOrder("statusCode", "message", "correlationId");
        assertThat(body.get("statusCode").getAsInt()).isEqualTo(status);
        assertThat(Guids.isGuid(body.get("correlationId").getAsString())).isTrue();
        return body.get("message").getAsString();
    }

    private static JsonObject imdsError(String error, String description) {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        body.addProperty("error_description", description);
        return body;
    }

    /** As MSAL's AppServiceManagedIdentitySource: api-version, resource, then one selector. */
    private static HttpResponse<String> appService(Map<String, String> selector, String identityHeader) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("api-version", "2019-08-01");
        query.put("resource", GRAPH);
        query.putAll(selector);
        return send(
                emulator.identityEndpoint(),
                query,
                identityHeader == null ? Map.of() : Map.of("X-IDENTITY-HEADER", identityHeader));
    }

    /** As MSAL's IMDSManagedIdentitySource, with its client headers. */
    private static HttpResponse<String> imds(Map<String, String> selector, boolean metadataHeader) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("api-version", "2018-02-01");
        query.put("resource", GRAPH);
        query.putAll(selector);
        Map<String, String> headers = new LinkedHashMap<>();
        if (metadataHeader) {
            headers.put("Metadata", "true");
        }
        headers.put("x-client-SKU", "MSAL.Java");
        headers.put("x-client-VER", "1.26.0");
        headers.put("x-ms-client-request-id", Guids.random());
        return send(URI.create(emulator.managedIdentityEndpoint() + "/metadata/identity/oauth2/token"), query, headers);
    }

    private static HttpResponse<String> send(URI endpoint, Map<String, String> query, Map<String, String> headers) {
        String queryString = query.entrySet().stream()
                .map(e -> TestClient.encode(e.getKey()) + "=" + TestClient.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(endpoint + (queryString.isEmpty() ? "" : "?" + queryString)))
                .timeout(Duration.ofSeconds(20))
                .GET();
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI graphUri(String pathAndQuery) {
        return URI.create(emulator.graphEndpoint() + pathAndQuery);
    }
}

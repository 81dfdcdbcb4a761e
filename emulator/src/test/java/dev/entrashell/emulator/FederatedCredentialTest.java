package dev.entrashell.emulator;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.MsalServiceException;

import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.FederatedIdentityCredential;
import dev.entrashell.emulator.directory.TenantWorkloads;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.RsaKeys;
import dev.entrashell.emulator.token.federation.FederatedIssuer;

import static dev.entrashell.emulator.AadErrorAssert.assertAadError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workload identity federation: the demo app trusts the emulator's Kubernetes-like issuer for one
 * service account, and a token that issuer minted is a client assertion. Each mismatch fails with
 * Entra's code, checked against a token made by test code where the emulator's issuer would not
 * make it.
 */
@EmulatorTest(users = 5, tokenLifetimeSeconds = 777)
class FederatedCredentialTest {
    private static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";
    private static final String SUBJECT = "system:serviceaccount:automation:entra-shell";
    private static final Duration LIFETIME = Duration.ofSeconds(777);

    private static Emulator emulator;
    private static DemoTenant demo;
    private static FederatedIssuer issuer;
    private static TestClient client;
    private static URI tokenEndpoint;
    /** A key the issuer never published. */
    private static KeyPair strangerKeys;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        issuer = emulator.federatedIssuer();
        client = new TestClient(emulator.caCertificate());
        tokenEndpoint = emulator.tokenEndpoint(demo.tenantId());
        strangerKeys = RsaKeys.generate();
    }

    @Test
    void theDemoAppTrustsTheHostedIssuerForOneServiceAccount() {
        FederatedIdentityCredential credential = emulator.demoIdentities().federatedCredential();

        assertThat(credential.issuer()).isEqualTo(emulator.loginEndpoint() + "/federation/kubernetes/");
        assertThat(credential.issuer()).isEqualTo(issuer.issuer());
        assertThat(credential.subject()).isEqualTo(SUBJECT);
        assertThat(credential.audiences()).containsExactly("api://AzureADTokenExchange");
        assertThat(emulator.directory().workloads(demo.tenantId()).federatedCredentials(demo.clientId()))
                .containsExactly(credential);
    }

    @Test
    void msalReadsTheTokenFileOnEachRequestAndGetsAGraphToken(@TempDir Path home) throws Exception {
        Path tokenFile = issuer.mintToFile(home.resolve("azure-identity-token"), SUBJECT, Duration.ofHours(1));

        String token = new MsalClients(emulator)
                .acquire(
                        demo.clientId(),
                        ClientCredentialFactory.createFromCallback(() -> Files.readString(tokenFile)),
                        demo.tenantId(),
                        false);

        JsonObject claims = TestJwt.claims(token);
        assertThat(claims.get("appid").getAsString()).isEqualTo(demo.clientId());
        assertThat(claims.get("appidacr").getAsString()).isEqualTo("2");
        assertThat(claims.getAsJsonArray("roles")).hasSize(demo.roles().size());
        // nbf is back-dated five minutes, as Entra does.
        assertThat(claims.get("exp").getAsLong() - claims.get("nbf").getAsLong())
                .isEqualTo(LIFETIME.getSeconds() + 300);
        assertThat(client.get(URI.create(emulator.graphEndpoint() + "/v1.0/organization"), token)
                        .statusCode())
                .isEqualTo(200);
        String sent = tokenRequestBodyWith(Files.readString(tokenFile));
        assertThat(sent)
                .contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer");
    }

    @Test
    void msalPresentsAFixedAssertion() throws Exception {
        String token = new MsalClients(emulator)
                .acquire(
                        demo.clientId(),
                        ClientCredentialFactory.createFromClientAssertion(issuer.mint(SUBJECT)),
                        demo.domain(),
                        false);

        assertThat(TestJwt.claims(token).get("tid").getAsString()).isEqualTo(demo.tenantId());
    }

    @Test
    void msalSurfacesTheSubjectMismatch() {
        assertThatThrownBy(() -> new MsalClients(emulator)
                        .acquire(
                                demo.clientId(),
                                ClientCredentialFactory.createFromClientAssertion(
                                        issuer.mint("system:serviceaccount:default:other")),
                                demo.tenantId(),
                                false))
                .isInstanceOfSatisfying(MsalServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).startsWith("AADSTS700213:");
                });
    }

    @Test
    void anIssuerTheAppDoesNotTrustIsAADSTS700211() {
        // The same issuer without its trailing slash is another issuer: Entra compares exactly.
        String withoutSlash = issuer.issuer().substring(0, issuer.issuer().length() - 1);
        JsonObject claims = claims(withoutSlash, SUBJECT, "api://AzureADTokenExchange");

        String description = assertAadError(post(issuer.sign(claims)), 401, "invalid_client", 700211);

        assertThat(description)
                .contains("No matching federated identity record found for presented assertion issuer '" + withoutSlash
                        + "'");
    }

    @Test
    void anotherSubjectIsAADSTS700213() {
        String description = assertAadError(
                post(issuer.mint("system:serviceaccount:automation:other")), 401, "invalid_client", 700213);

        assertThat(description).contains("presented assertion subject 'system:serviceaccount:automation:other'");
    }

    @Test
    void aSubjectDifferingOnlyInCaseIsAADSTS7002138() {
        String description = assertAadError(
                post(issuer.mint("system:serviceaccount:Automation:entra-shell")), 401, "invalid_client", 7002138);

        assertThat(description).contains("matches with case-insensitive comparison, but not with case-sensitive");
    }

    @Test
    void anotherAudienceIsAADSTS700212() {
        String description = assertAadError(
                post(issuer.mint(SUBJECT, "api://AzureADTokenExchangeChina", Duration.ofMinutes(10))),
                401,
                "invalid_client",
                700212);

        assertThat(description).contains("presented assertion audience 'api://AzureADTokenExchangeChina'");
    }

    @Test
    void anExpiredTokenIsAADSTS700024() {
        Instant now = Instant.now();
        String expired = issuer.mint(
                SUBJECT, "api://AzureADTokenExchange", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));

        assertAadError(post(expired), 401, "invalid_client", 700024);
    }

    @Test
    void aTokenNotYetValidIsAADSTS700024() {
        Instant now = Instant.now();
        String early = issuer.mint(
                SUBJECT, "api://AzureADTokenExchange", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));

        assertAadError(post(early), 401, "invalid_client", 700024);
    }

    @Test
    void aKeyTheIssuerDoesNotPublishIsAADSTS7000272() {
        String token = TestJwt.sign(
                TestJwt.map("alg", "RS256", "kid", "not-a-published-key"),
                TestJwt.map(
                        "aud", List.of("api://AzureADTokenExchange"),
                        "iss", issuer.issuer(),
                        "sub", SUBJECT,
                        "nbf", Instant.now().getEpochSecond(),
                        "exp", Instant.now().getEpochSecond() + 600),
                strangerKeys.getPrivate());

        String description = assertAadError(post(token), 401, "invalid_client", 7000272);

        assertThat(description)
                .contains("The certificate with identifier not-a-published-key used to sign the federated credential"
                        + " could not be found in the metadata of identity provider " + issuer.issuer());
    }

    @Test
    void aSignatureThePublishedKeyDoesNotVerifyIsAADSTS7000274() {
        String forged = TestJwt.sign(
                TestJwt.map("alg", "RS256", "kid", issuer.keyId()),
                TestJwt.map(
                        "aud", List.of("api://AzureADTokenExchange"),
                        "iss", issuer.issuer(),
                        "sub", SUBJECT,
                        "nbf", Instant.now().getEpochSecond(),
                        "exp", Instant.now().getEpochSecond() + 600),
                strangerKeys.getPrivate());

        assertAadError(post(forged), 401, "invalid_client", 7000274);
    }

    @Test
    void anExternalIssuerWorksOnceItsKeysAreKnown() {
        String github = "https://token.actions.githubusercontent.com";
        String subject = "repo:contoso/automation:environment:production";
        TenantWorkloads workloads = emulator.directory().workloads(demo.tenantId());
        workloads.addFederatedCredential(
                demo.clientId(), FederatedIdentityCredential.of("github-production", github, subject));
        try {
            String token = TestJwt.sign(
                    TestJwt.map("typ", "JWT", "alg", "RS256", "x5t", "gh-key", "kid", "gh-key"),
                    TestJwt.map(
                            "aud",
                            "api://AzureADTokenExchange",
                            "iss",
                            github,
                            "sub",
                            subject,
                            "nbf",
                            Instant.now().getEpochSecond(),
                            "exp",
                            Instant.now().getEpochSecond() + 300),
                    strangerKeys.getPrivate());

            // Entra cannot fetch the issuer's keys until the emulator knows them.
            assertAadError(post(token), 401, "invalid_client", 501661);

            emulator.federatedIssuers().registerExternal(github, Map.of("gh-key", strangerKeys.getPublic()));
            HttpResponse<String> response = post(token);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } finally {
            workloads.removeFederatedCredential(demo.clientId(), "github-production");
            emulator.federatedIssuers().unregister(github);
        }
    }

    @Test
    void theIssuerPublishesDiscoveryAndKeysThatVerifyItsTokens() throws Exception {
        HttpResponse<String> discovery = client.get(URI.create(issuer.discoveryUri()), null);
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonObject configuration = TestClient.json(discovery);
        assertThat(configuration.get("issuer").getAsString()).isEqualTo(issuer.issuer());
        String jwksUri = configuration.get("jwks_uri").getAsString();
        assertThat(jwksUri).isEqualTo(issuer.issuer() + "openid/v1/jwks");

        JsonObject jwk = TestClient.json(client.get(URI.create(jwksUri), null))
                .getAsJsonArray("keys")
                .get(0)
                .getAsJsonObject();
        assertThat(jwk.get("kid").getAsString()).isEqualTo(issuer.keyId());
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(
                                1, Base64.getUrlDecoder().decode(jwk.get("n").getAsString())),
                        new BigInteger(
                                1, Base64.getUrlDecoder().decode(jwk.get("e").getAsString()))));

        String token = issuer.mint(SUBJECT);
        assertThat(TestJwt.verifyRs256(token, key)).isTrue();
        assertThat(TestJwt.header(token).get("kid").getAsString()).isEqualTo(issuer.keyId());
        JsonObject claims = TestJwt.claims(token);
        assertThat(claims.get("iss").getAsString()).isEqualTo(issuer.issuer());
        assertThat(claims.get("sub").getAsString()).isEqualTo(SUBJECT);
        assertThat(claims.getAsJsonArray("aud").get(0).getAsString()).isEqualTo("api://AzureADTokenExchange");
        assertThat(claims.getAsJsonObject("kubernetes.io").get("namespace").getAsString())
                .isEqualTo("automation");
        assertThat(claims.get("exp").getAsLong() - claims.get("nbf").getAsLong())
                .isEqualTo(3600);
        assertThat(client.get(URI.create(issuer.issuer() + "nothing"), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void credentialsFollowGraphsRules() {
        TenantWorkloads workloads = emulator.directory().workloads(demo.tenantId());
        FederatedIdentityCredential seeded = emulator.demoIdentities().federatedCredential();

        assertThatThrownBy(() -> workloads.addFederatedCredential(
                        demo.clientId(), FederatedIdentityCredential.of(seeded.name(), "https://other/", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named");
        assertThatThrownBy(() -> workloads.addFederatedCredential(
                        demo.clientId(), FederatedIdentityCredential.of("another-name", seeded.issuer(), SUBJECT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuer and subject");
        assertThatThrownBy(() ->
                        new FederatedIdentityCredential("two-audiences", seeded.issuer(), "x", List.of("a", "b"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonObject claims(String iss, String sub, String aud) {
        JsonObject claims = new JsonObject();
        claims.addProperty("aud", aud);
        claims.addProperty("iss", iss);
        claims.addProperty("sub", sub);
        claims.addProperty("jti", UUID.randomUUID().toString());
        claims.addProperty("nbf", Instant.now().getEpochSecond());
        claims.addProperty("exp", Instant.now().getEpochSecond() + 600);
        return claims;
    }

    private static HttpResponse<String> post(String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", demo.clientId());
        form.put("scope", GRAPH_DEFAULT);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        return client.postForm(tokenEndpoint, form);
    }

    private static String tokenRequestBodyWith(String assertion) {
        return RecordedRequests.last(
                        emulator,
                        r -> r.server().equals("login")
                                && r.body() != null
                                && r.body().contains(assertion))
                .body();
    }
}

package dev.entrashell.emulator;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.Certificates;
import dev.entrashell.emulator.tls.RsaKeys;

import static dev.entrashell.emulator.AadErrorAssert.assertAadError;
import static org.assertj.core.api.Assertions.assertThat;

@EmulatorTest(users = 10)
class TokenEndpointTest {
    private static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

    private static Emulator emulator;
    private static TestClient client;
    private static DemoTenant demo;
    private static URI tokenEndpoint;
    /** A key pair no app has registered. */
    private static KeyPair strangerKeys;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient(emulator.caCertificate());
        demo = emulator.demo();
        tokenEndpoint = emulator.tokenEndpoint(demo.tenantId());
        strangerKeys = RsaKeys.generate();
    }

    // ---- success -------------------------------------------------------------------------------

    @Test
    void issuesTokenForMsalShapedRs256AssertionWithX5tS256AndX5c() {
        HttpResponse<String> response =
                client.postForm(tokenEndpoint, assertionForm(msalAssertion().sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = TestClient.json(response);
        assertThat(body.get("token_type").getAsString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").getAsLong()).isEqualTo(3599);
        assertThat(body.get("ext_expires_in").getAsLong()).isEqualTo(3599);

        String token = body.get("access_token").getAsString();
        JsonObject header = TestJwt.header(token);
        assertThat(header.get("typ").getAsString()).isEqualTo("JWT");
        assertThat(header.get("alg").getAsString()).isEqualTo("RS256");
        assertThat(header.get("kid").getAsString()).isNotBlank();
        assertThat(header.get("nonce").getAsString()).isNotBlank();

        JsonObject claims = TestJwt.claims(token);
        assertThat(claims.get("aud").getAsString()).isEqualTo("https://graph.microsoft.com");
        assertThat(claims.get("iss").getAsString()).isEqualTo("https://sts.windows.net/" + demo.tenantId() + "/");
        assertThat(claims.get("tid").getAsString()).isEqualTo(demo.tenantId());
        assertThat(claims.get("appid").getAsString()).isEqualTo(demo.clientId());
        assertThat(claims.get("app_displayname").getAsString()).isEqualTo("Entra Shell Demo");
        assertThat(claims.get("appidacr").getAsString()).isEqualTo("2");
        assertThat(claims.get("idtyp").getAsString()).isEqualTo("app");
        assertThat(claims.get("ver").getAsString()).isEqualTo("1.0");
        assertThat(claims.get("oid").getAsString()).isEqualTo(claims.get("sub").getAsString());
        assertThat(claims.get("uti").getAsString()).isNotBlank();
        assertThat(strings(claims.getAsJsonArray("roles")))
                .containsExactlyInAnyOrder(
                        "User.Read.All",
                        "Organization.Read.All",
                        "Group.Read.All",
                        "Application.Read.All",
                        "AuditLog.Read.All",
                        "Device.Read.All",
                        "Directory.Read.All",
                        "GroupMember.ReadWrite.All");
        // Entra back-dates iat and nbf by five minutes; exp is the moment of issue plus expires_in.
        assertThat(claims.get("exp").getAsLong() - claims.get("iat").getAsLong())
                .isEqualTo(3599 + 300);
        assertThat(claims.get("nbf").getAsLong()).isEqualTo(claims.get("iat").getAsLong());
        assertThat(claims.get("iat").getAsLong())
                .isBetween(Instant.now().getEpochSecond() - 310, Instant.now().getEpochSecond() - 290);
    }

    @Test
    void issuesTokenForPs256Assertion() {
        ClientAssertions assertion = msalAssertion();
        assertion.header.put("alg", "PS256");

        HttpResponse<String> response = client.postForm(tokenEndpoint, assertionForm(assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void issuesTokenForLegacySha1X5tAssertion() {
        ClientAssertions assertion = msalAssertion();
        assertion.header.remove("x5t#S256");
        assertion.header.remove("x5c");
        assertion.header.put("x5t", TestJwt.x5t(demo.certificate()));
        assertion.claims.put("iat", Instant.now().getEpochSecond());

        HttpResponse<String> response = client.postForm(tokenEndpoint, assertionForm(assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsTenantDomainInPathAndAudienceArrayOfOneAndV1Audience() {
        URI byDomain = emulator.tokenEndpoint("ContosoDemo.onmicrosoft.com");
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put("aud", List.of(emulator.loginEndpoint() + "/" + demo.domain() + "/oauth2/token"));

        HttpResponse<String> response = client.postForm(byDomain, assertionForm(assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsLocalhostAsTheLoginHost() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put(
                "aud",
                "https://localhost:" + emulator.loginEndpoint().getPort() + "/" + demo.tenantId()
                        + "/oauth2/v2.0/token");

        HttpResponse<String> response = client.postForm(tokenEndpoint, assertionForm(assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void issuesTokenForClientSecretInForm() {
        HttpResponse<String> response = client.postForm(tokenEndpoint, secretForm(demo.clientSecret()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject claims =
                TestJwt.claims(TestClient.json(response).get("access_token").getAsString());
        assertThat(claims.get("appidacr").getAsString()).isEqualTo("1");
    }

    @Test
    void issuesTokenForClientSecretInBasicAuthorization() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", GRAPH_DEFAULT);
        String basic = Base64.getEncoder()
                .encodeToString((TestClient.encode(demo.clientId()) + ":" + TestClient.encode(demo.clientSecret()))
                        .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = client.postForm(tokenEndpoint, form, Map.of("Authorization", "Basic " + basic));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsGraphByAppIdAndByEmulatorAddress() {
        for (String scope : List.of(
                "00000003-0000-0000-c000-000000000000/.default",
                emulator.graphEndpoint() + "/.default",
                emulator.graphEndpoint() + "//.default",
                "https://graph.microsoft.com//.default")) {
            Map<String, String> form = secretForm(demo.clientSecret());
            form.put("scope", scope);
            assertThat(client.postForm(tokenEndpoint, form).statusCode())
                    .as(scope)
                    .isEqualTo(200);
        }
    }

    @Test
    void ignoresTheOpenIdScopesMsalAdds() {
        Map<String, String> form = secretForm(demo.clientSecret());
        form.put("scope", "openid https://graph.microsoft.com/.default profile offline_access");

        assertThat(client.postForm(tokenEndpoint, form).statusCode()).isEqualTo(200);

        form.put("scope", "openid profile");
        assertAadError(client.postForm(tokenEndpoint, form), 400, "invalid_scope", 1002012);
    }

    @Test
    void leavesRolesOutForAnAppWithoutRoles() {
        String clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(clientId, "No Roles", List.of(), List.of("s3cret"), Set.of()));
        Map<String, String> form = secretForm("s3cret");
        form.put("client_id", clientId);

        HttpResponse<String> response = client.postForm(tokenEndpoint, form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject claims =
                TestJwt.claims(TestClient.json(response).get("access_token").getAsString());
        assertThat(claims.has("roles")).isFalse();
        assertThat(claims.get("app_displayname").getAsString()).isEqualTo("No Roles");
    }

    @Test
    void publishesDiscoveryAndKeysThatValidateIssuedTokens() throws Exception {
        String token = TestClient.json(client.postForm(tokenEndpoint, secretForm(demo.clientSecret())))
                .get("access_token")
                .getAsString();
        URI configuration =
                URI.create(emulator.loginEndpoint() + "/" + demo.tenantId() + "/v2.0/.well-known/openid-configuration");

        JsonObject metadata = TestClient.json(client.get(configuration, null));
        assertThat(metadata.get("token_endpoint").getAsString()).isEqualTo(tokenEndpoint.toString());
        assertThat(metadata.get("issuer").getAsString())
                .isEqualTo(emulator.loginEndpoint() + "/" + demo.tenantId() + "/v2.0");
        JsonObject jwks =
                TestClient.json(client.get(URI.create(metadata.get("jwks_uri").getAsString()), null));
        JsonObject jwk = jwks.getAsJsonArray("keys").get(0).getAsJsonObject();
        assertThat(jwk.get("kid").getAsString())
                .isEqualTo(TestJwt.header(token).get("kid").getAsString());
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(
                                1, Base64.getUrlDecoder().decode(jwk.get("n").getAsString())),
                        new BigInteger(
                                1, Base64.getUrlDecoder().decode(jwk.get("e").getAsString()))));
        // As with Entra's Graph tokens, the signature covers the hashed nonce, not the one sent.
        assertThat(TestJwt.verifyRs256(token, key)).isFalse();
        assertThat(TestJwt.verifyGraphToken(token, key)).isTrue();
        X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder()
                        .decode(jwk.getAsJsonArray("x5c").get(0).getAsString())));
        assertThat(signer.getPublicKey()).isEqualTo(key);
        assertThat(jwk.get("x5t").getAsString()).isEqualTo(TestJwt.x5t(signer));

        JsonObject v1 = TestClient.json(client.get(
                URI.create(emulator.loginEndpoint() + "/" + demo.domain() + "/.well-known/openid-configuration"),
                null));
        assertThat(v1.get("issuer").getAsString())
                .isEqualTo(TestJwt.claims(token).get("iss").getAsString());
    }

    // ---- client assertion failures -------------------------------------------------------------

    @Test
    void rejectsAssertionSignedByAnotherKeyWithRegisteredThumbprint() {
        ClientAssertions assertion = msalAssertion();
        assertion.key = strangerKeys.getPrivate();

        String description = assertAadError(
                client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700027);

        assertThat(description).contains("Keys were found but failed signature validation");
    }

    @Test
    void rejectsUnregisteredSha1ThumbprintAndEchoesIt() {
        X509Certificate stranger = strangerCertificate();
        ClientAssertions assertion = msalAssertion();
        // Without the chain: the demo app trusts a certificate subject, so an x5c would make this a
        // subject name and issuer assertion (SubjectNameIssuerTest covers that path).
        assertion.header.remove("x5c");
        assertion.header.remove("x5t#S256");
        assertion.header.put("x5t", TestJwt.x5t(stranger));
        assertion.key = strangerKeys.getPrivate();

        String description = assertAadError(
                client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700027);

        String sha1Hex = HexFormat.of().withUpperCase().formatHex(TestJwt.digest("SHA-1", stranger));
        assertThat(description)
                .startsWith("AADSTS700027: The certificate with identifier used to sign the client assertion is not"
                        + " registered on application. [Reason - The key was not found., Thumbprint of key used by"
                        + " client: '" + sha1Hex + "', Please visit")
                .contains(demo.clientId());
    }

    @Test
    void rejectsUnregisteredSha256ThumbprintAndEchoesIt() {
        X509Certificate stranger = strangerCertificate();
        ClientAssertions assertion = msalAssertion();
        // Without the chain: the demo app trusts a certificate subject, so an x5c would make this a
        // subject name and issuer assertion (SubjectNameIssuerTest covers that path).
        assertion.header.remove("x5c");
        assertion.header.put("x5t#S256", TestJwt.x5tS256(stranger));
        assertion.key = strangerKeys.getPrivate();

        String description = assertAadError(
                client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700027);

        String sha256Hex = HexFormat.of().withUpperCase().formatHex(TestJwt.digest("SHA-256", stranger));
        assertThat(description).contains("Thumbprint of key used by client: '" + sha256Hex + "'");
    }

    @Test
    void rejectsAssertionNamingNoKey() {
        ClientAssertions assertion = msalAssertion();
        // Without the chain: the demo app trusts a certificate subject, so an x5c would make this a
        // subject name and issuer assertion (SubjectNameIssuerTest covers that path).
        assertion.header.remove("x5c");
        assertion.header.remove("x5t#S256");

        String description = assertAadError(
                client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700027);

        assertThat(description)
                .startsWith("AADSTS700027: The certificate with identifier used to sign the client assertion is not"
                        + " registered on application. [Reason - The key was not found., Please visit the Azure"
                        + " Portal")
                .doesNotContain("Thumbprint");
    }

    @Test
    void rejectsAssertionSignedWithAnExpiredRegisteredCertificate() {
        KeyPair keys = RsaKeys.generate();
        Instant now = Instant.now();
        X509Certificate expired = Certificates.selfSignedClient(
                keys, "Expired", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
        String clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(clientId, "Expired Cert App", List.of(expired), List.of(), Set.of()));
        ClientAssertions assertion =
                ClientAssertions.msal(clientId, expired, keys.getPrivate(), tokenEndpoint.toString(), now);
        Map<String, String> form = assertionForm(assertion.sign());
        form.put("client_id", clientId);

        String description = assertAadError(client.postForm(tokenEndpoint, form), 401, "invalid_client", 700027);

        assertThat(description).contains("The key used is expired.");
    }

    @Test
    void rejectsWrongAudience() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put("aud", "https://login.microsoftonline.com/" + demo.tenantId() + "/oauth2/v2.0/token");

        assertAadError(client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700023);
    }

    @Test
    void rejectsAudienceOfAnotherTenant() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put(
                "aud", emulator.tokenEndpoint(UUID.randomUUID().toString()).toString());

        assertAadError(client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700023);
    }

    @Test
    void rejectsIssuerOtherThanClientId() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put("iss", UUID.randomUUID().toString());

        assertAadError(client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700021);
    }

    @Test
    void rejectsSubjectOtherThanIssuer() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put("sub", UUID.randomUUID().toString());

        assertAadError(client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 50048);
    }

    @Test
    void rejectsExpiredAssertion() {
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(16));
        ClientAssertions assertion = ClientAssertions.msal(
                demo.clientId(), demo.certificate(), demo.privateKey(), tokenEndpoint.toString(), tenMinutesAgo);

        String description = assertAadError(
                client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700024);

        assertThat(description).contains("Current time: ").contains("assertion valid from ");
    }

    @Test
    void rejectsAssertionNotYetValid() {
        Instant later = Instant.now().plus(Duration.ofMinutes(6));
        ClientAssertions assertion = ClientAssertions.msal(
                demo.clientId(), demo.certificate(), demo.privateKey(), tokenEndpoint.toString(), later);

        assertAadError(client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700024);
    }

    @Test
    void acceptsAssertionWithoutNbfAsMsalPythonSendsIt() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.remove("nbf");
        assertion.claims.put("iat", Instant.now().getEpochSecond());

        HttpResponse<String> response = client.postForm(tokenEndpoint, assertionForm(assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void rejectsExpiredAssertionWithoutNbf() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.remove("nbf");
        assertion.claims.put("exp", Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());

        assertAadError(client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 700024);
    }

    @Test
    void acceptsAssertionLivingLongerThanTenMinutes() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());

        HttpResponse<String> response = client.postForm(tokenEndpoint, assertionForm(assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsAssertionWithoutJti() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.remove("jti");

        HttpResponse<String> response = client.postForm(tokenEndpoint, assertionForm(assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void rejectsAudienceArrayOfTwoValues() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put("aud", List.of(tokenEndpoint.toString(), "https://example.com/other"));

        String description = assertAadError(
                client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 5002741);

        assertThat(description)
                .startsWith("AADSTS5002741: Number of audience values in the provided client credential exceed"
                        + " maximum allowed. 2 audience values provided, maximum allowed is 1.");
    }

    @Test
    void rejectsAssertionWithoutExp() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.remove("exp");

        assertAadError(client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 50027);
    }

    @Test
    void rejectsUnsignedAndHmacAssertions() {
        for (String alg : List.of("none", "HS256")) {
            ClientAssertions assertion = msalAssertion();
            assertion.header.put("alg", alg);

            String description = assertAadError(
                    client.postForm(tokenEndpoint, assertionForm(assertion.sign())), 401, "invalid_client", 50027);

            assertThat(description).contains("'" + alg + "'");
        }
    }

    @Test
    void rejectsMalformedAssertions() {
        for (String malformed : List.of("not-a-jwt", "a.b", "e30.e30.e30.e30", "!!!.e30.sig", "e30.bm90IGpzb24.")) {
            assertAadError(client.postForm(tokenEndpoint, assertionForm(malformed)), 401, "invalid_client", 50027);
        }
    }

    @Test
    void rejectsWrongClientAssertionType() {
        Map<String, String> form = assertionForm(msalAssertion().sign());
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");

        assertAadError(client.postForm(tokenEndpoint, form), 400, "invalid_request", 9002313);
    }

    // ---- request failures ----------------------------------------------------------------------

    @Test
    void rejectsWrongSecret() {
        String description = assertAadError(
                client.postForm(tokenEndpoint, secretForm("wrong-secret")), 401, "invalid_client", 7000215);

        assertThat(description).contains("app '" + demo.clientId() + "'");
    }

    @Test
    void rejectsUnknownTenant() {
        String tenant = UUID.randomUUID().toString();

        String description = assertAadError(
                client.postForm(emulator.tokenEndpoint(tenant), secretForm(demo.clientSecret())),
                400,
                "invalid_request",
                90002);

        assertThat(description).contains("Tenant '" + tenant + "' not found");
        assertAadError(
                client.postForm(emulator.tokenEndpoint("fabrikam.onmicrosoft.com"), secretForm(demo.clientSecret())),
                400,
                "invalid_request",
                90002);
    }

    @Test
    void rejectsMultiTenantAuthorityForClientCredentials() {
        assertAadError(
                client.postForm(emulator.tokenEndpoint("common"), secretForm(demo.clientSecret())),
                400,
                "invalid_request",
                50059);
    }

    @Test
    void rejectsUnknownApplication() {
        String clientId = UUID.randomUUID().toString();
        Map<String, String> form = secretForm(demo.clientSecret());
        form.put("client_id", clientId);

        String description = assertAadError(client.postForm(tokenEndpoint, form), 400, "unauthorized_client", 700016);

        assertThat(description).contains("'" + clientId + "'").contains("'Contoso Demo'");
    }

    @Test
    void rejectsScopeWithoutDefaultSuffix() {
        Map<String, String> form = secretForm(demo.clientSecret());
        form.put("scope", "https://graph.microsoft.com/User.Read.All");

        assertAadError(client.postForm(tokenEndpoint, form), 400, "invalid_scope", 1002012);
    }

    @Test
    void rejectsMalformedScopes() {
        for (String scope : List.of(
                "https://graph.microsoft.com/.default https://vault.azure.net/.default",
                "/.default",
                "not a uri/.default")) {
            Map<String, String> form = secretForm(demo.clientSecret());
            form.put("scope", scope);

            assertAadError(client.postForm(tokenEndpoint, form), 400, "invalid_scope", 70011);
        }
    }

    @Test
    void rejectsUnknownResource() {
        Map<String, String> form = secretForm(demo.clientSecret());
        form.put("scope", "https://vault.azure.net/.default");

        String description = assertAadError(client.postForm(tokenEndpoint, form), 400, "invalid_resource", 500011);

        assertThat(description).contains("https://vault.azure.net").contains("Contoso Demo");
    }

    @Test
    void rejectsMissingGrantTypeAndScope() {
        for (String parameter : List.of("grant_type", "scope", "client_id")) {
            Map<String, String> form = secretForm(demo.clientSecret());
            form.remove(parameter);

            String description = assertAadError(client.postForm(tokenEndpoint, form), 400, "invalid_request", 900144);

            assertThat(description).contains("'" + parameter + "'");
        }
    }

    @Test
    void rejectsOtherGrantTypes() {
        Map<String, String> form = secretForm(demo.clientSecret());
        form.put("grant_type", "password");

        assertAadError(client.postForm(tokenEndpoint, form), 400, "unsupported_grant_type", 70003);
    }

    @Test
    void rejectsRequestWithoutCredential() {
        Map<String, String> form = secretForm(demo.clientSecret());
        form.remove("client_secret");

        assertAadError(client.postForm(tokenEndpoint, form), 401, "invalid_client", 7000218);
    }

    @Test
    void rejectsParameterSentTwice() {
        String body = "grant_type=client_credentials&client_id=" + demo.clientId() + "&client_secret="
                + TestClient.encode(demo.clientSecret()) + "&scope=" + TestClient.encode(GRAPH_DEFAULT)
                + "&scope=" + TestClient.encode(GRAPH_DEFAULT);

        assertAadError(client.postRaw(tokenEndpoint, body, Map.of()), 400, "invalid_request", 9002313);
    }

    @Test
    void echoesClientRequestIdAsCorrelationId() {
        String correlationId = UUID.randomUUID().toString();

        HttpResponse<String> response =
                client.postForm(tokenEndpoint, secretForm("wrong"), Map.of("client-request-id", correlationId));

        assertAadError(response, 401, "invalid_client", 7000215);
        assertThat(TestClient.json(response).get("correlation_id").getAsString())
                .isEqualTo(correlationId);
        assertThat(response.headers().firstValue("client-request-id")).hasValue(correlationId);
    }

    @Test
    void answersGetOnTokenEndpointAsEntraDoes() {
        assertAadError(client.get(tokenEndpoint, null), 400, "invalid_request", 900561);
    }

    @Test
    void answersUnknownPathsWith404() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(emulator.loginEndpoint() + "/" + demo.tenantId() + "/oauth2/v2.0/nothing"))
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    // ---- v1.0 endpoint ----------------------------------------------------------------------------

    @Test
    void v1EndpointIssuesAGraphTokenForAResourceWithNumbersAsStrings() {
        Map<String, String> form = secretForm(demo.clientSecret());
        form.remove("scope");
        form.put("resource", "https://graph.microsoft.com/");

        HttpResponse<String> response = client.postForm(v1TokenEndpoint(), form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = TestClient.json(response);
        assertThat(body.keySet())
                .containsExactlyInAnyOrder(
                        "token_type",
                        "expires_in",
                        "ext_expires_in",
                        "expires_on",
                        "not_before",
                        "resource",
                        "access_token");
        assertThat(body.get("expires_in").getAsJsonPrimitive().isString()).isTrue();
        assertThat(body.get("expires_in").getAsString()).isEqualTo("3599");
        assertThat(body.get("resource").getAsString()).isEqualTo("https://graph.microsoft.com/");
        String token = body.get("access_token").getAsString();
        JsonObject claims = TestJwt.claims(token);
        assertThat(body.get("expires_on").getAsString())
                .isEqualTo(claims.get("exp").getAsString());
        assertThat(body.get("not_before").getAsString())
                .isEqualTo(claims.get("nbf").getAsString());
        assertThat(client.get(URI.create(emulator.graphEndpoint() + "/v1.0/organization"), token)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void v1EndpointAcceptsACertificateAssertionForItsOwnAddress() {
        ClientAssertions assertion = msalAssertion();
        assertion.claims.put("aud", v1TokenEndpoint().toString());
        Map<String, String> form = assertionForm(assertion.sign());
        form.remove("scope");
        form.put("resource", "00000003-0000-0000-c000-000000000000");

        HttpResponse<String> response = client.postForm(v1TokenEndpoint(), form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void v1EndpointRequiresAKnownResource() {
        Map<String, String> withoutResource = secretForm(demo.clientSecret());

        String missing =
                assertAadError(client.postForm(v1TokenEndpoint(), withoutResource), 400, "invalid_request", 900144);
        assertThat(missing).contains("'resource'");

        Map<String, String> unknown = secretForm(demo.clientSecret());
        unknown.put("resource", "https://management.azure.com/");
        assertAadError(client.postForm(v1TokenEndpoint(), unknown), 400, "invalid_resource", 500011);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static URI v1TokenEndpoint() {
        return URI.create(emulator.loginEndpoint() + "/" + demo.tenantId() + "/oauth2/token");
    }

    private static ClientAssertions msalAssertion() {
        return ClientAssertions.msal(
                demo.clientId(), demo.certificate(), demo.privateKey(), tokenEndpoint.toString(), Instant.now());
    }

    private static Map<String, String> assertionForm(String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", demo.clientId());
        form.put("scope", GRAPH_DEFAULT);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        return form;
    }

    private static Map<String, String> secretForm(String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", demo.clientId());
        form.put("scope", GRAPH_DEFAULT);
        form.put("client_secret", secret);
        return form;
    }

    private static X509Certificate strangerCertificate() {
        Instant now = Instant.now();
        return Certificates.selfSignedClient(
                strangerKeys, "Stranger", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(element -> element.getAsString()).toList();
    }
}

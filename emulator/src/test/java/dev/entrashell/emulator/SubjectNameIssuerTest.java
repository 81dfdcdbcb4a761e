package dev.entrashell.emulator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.MsalServiceException;

import dev.entrashell.emulator.demo.DemoIdentities;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.TenantWorkloads;
import dev.entrashell.emulator.directory.TrustedCertificateSubject;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.ClientCertificateAuthority;
import dev.entrashell.emulator.tls.IssuedClientCertificate;
import dev.entrashell.emulator.tls.RsaKeys;

import static dev.entrashell.emulator.AadErrorAssert.assertAadError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subject name and issuer: the demo app trusts {@code CN=entra-shell-sni.contosodemo.onmicrosoft.com}
 * from any authority the tenant trusts, and the tenant trusts the emulator's client certificate
 * authority. A certificate it issues for that subject, never registered on the app, signs in when
 * the assertion carries the chain.
 */
@EmulatorTest(users = 5)
class SubjectNameIssuerTest {
    private static final String SUBJECT = "CN=entra-shell-sni.contosodemo.onmicrosoft.com";

    private static Emulator emulator;
    private static DemoTenant demo;
    private static TestClient client;
    private static URI tokenEndpoint;
    private static MsalClients msal;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        client = new TestClient(emulator.caCertificate());
        tokenEndpoint = emulator.tokenEndpoint(demo.tenantId());
        msal = new MsalClients(emulator);
    }

    @Test
    void theDemoAppTrustsOneSubjectFromTheEmulatorsAuthority() {
        DemoIdentities seeded = emulator.demoIdentities();

        assertThat(seeded.trustedSubject()).isEqualTo(TrustedCertificateSubject.of(SUBJECT));
        assertThat(emulator.directory().workloads(demo.tenantId()).trustedCertificateAuthorities())
                .containsEntry(
                        seeded.trustedAuthorityId(),
                        emulator.clientCertificateAuthority().rootCertificate());
        assertThat(seeded.trustedAuthorityCertificate())
                .isEqualTo(emulator.clientCertificateAuthority().rootCertificate());
    }

    @Test
    void msalSignsInWithAnIssuedCertificateAndItsChain() throws Exception {
        IssuedClientCertificate issued = emulator.issueClientCertificate(SUBJECT);
        assertThat(issued.chain()).hasSize(2);
        assertThat(issued.certificate().getSubjectX500Principal().getName()).isEqualTo(SUBJECT);

        String token = msal.acquire(
                demo.clientId(),
                ClientCredentialFactory.createFromCertificateChain(issued.privateKey(), issued.chain()),
                demo.tenantId(),
                true);

        assertThat(TestJwt.claims(token).get("appid").getAsString()).isEqualTo(demo.clientId());
        assertThat(TestJwt.claims(token).get("appidacr").getAsString()).isEqualTo("2");
        assertThat(client.get(URI.create(emulator.graphEndpoint() + "/v1.0/organization"), token)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void msalSignsInFromAPkcs12FileHoldingTheChain() throws Exception {
        IssuedClientCertificate issued = emulator.issueClientCertificate(SUBJECT);
        char[] password = "pfx-password".toCharArray();

        String token = msal.acquire(
                demo.clientId(),
                ClientCredentialFactory.createFromCertificate(
                        new ByteArrayInputStream(issued.pkcs12(password)), new String(password)),
                demo.tenantId(),
                true);

        assertThat(TestJwt.claims(token).get("tid").getAsString()).isEqualTo(demo.tenantId());
    }

    @Test
    void withoutTheChainTheKeyIsUnknownAADSTS700027() {
        IssuedClientCertificate issued = emulator.issueClientCertificate(SUBJECT);

        assertThatThrownBy(() -> msal.acquire(
                        demo.clientId(),
                        ClientCredentialFactory.createFromCertificateChain(issued.privateKey(), issued.chain()),
                        demo.tenantId(),
                        false))
                .isInstanceOfSatisfying(MsalServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.getMessage()).startsWith("AADSTS700027:").contains("The key was not found.");
                });
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsAnInvalidChain() {
        ClientCertificateAuthority fabrikam = ClientCertificateAuthority.create("Fabrikam", Instant.now());
        IssuedClientCertificate issued = fabrikam.issue(SUBJECT, Instant.now());

        String description = assertAadError(post(assertion(issued, issued.chain())), 401, "invalid_client", 7000213);

        assertThat(description).contains("Invalid certificate chain.");
    }

    @Test
    void anUntrustedSubjectIsAADSTS700030NamingTheCertificatesNames() {
        IssuedClientCertificate issued = emulator.issueClientCertificate("CN=someone-else.contosodemo.onmicrosoft.com");

        String description = assertAadError(post(assertion(issued, issued.chain())), 401, "invalid_client", 700030);

        assertThat(description)
                .contains("Invalid certificate - subject name in certificate isn't authorized.")
                .contains("CN=someone-else.contosodemo.onmicrosoft.com;someone-else.contosodemo.onmicrosoft.com");
    }

    @Test
    void anExpiredCertificateIsAADSTS700027WithTheReason() {
        Instant now = Instant.now();
        IssuedClientCertificate expired = emulator.clientCertificateAuthority()
                .issue(SUBJECT, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));

        String description = assertAadError(post(assertion(expired, expired.chain())), 401, "invalid_client", 700027);

        assertThat(description).contains("The key used is expired.");
    }

    @Test
    void aSignatureByAnotherKeyIsAADSTS700027() {
        IssuedClientCertificate issued = emulator.issueClientCertificate(SUBJECT);
        KeyPair stranger = RsaKeys.generate();
        ClientAssertions assertion = assertion(issued, issued.chain());
        assertion.key = stranger.getPrivate();

        String description = assertAadError(post(assertion.sign()), 401, "invalid_client", 700027);

        assertThat(description).contains("Keys were found but failed signature validation");
    }

    @Test
    void theChainMayIncludeTheRootButMayNotLackTheIssuingAuthority() {
        IssuedClientCertificate issued = emulator.issueClientCertificate(SUBJECT);
        List<X509Certificate> withRoot = new ArrayList<>(issued.chain());
        withRoot.add(emulator.clientCertificateAuthority().rootCertificate());

        HttpResponse<String> response = post(assertion(issued, withRoot).sign());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        assertAadError(post(assertion(issued, List.of(issued.certificate()))), 401, "invalid_client", 7000213);
    }

    @Test
    void aSubjectPinnedToOneAuthorityRefusesAnotherTrustedOne() throws Exception {
        TenantWorkloads workloads = emulator.directory().workloads(demo.tenantId());
        AppRegistration app = emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(Guids.random(), "Pinned SN+I app", List.of(), List.of(), Set.of()));
        ClientCertificateAuthority partner = ClientCertificateAuthority.create("Partner", Instant.now());
        String partnerAuthority = Guids.random();
        workloads.trustCertificateAuthority(partnerAuthority, partner.rootCertificate());
        String pinned = "CN=pinned.contosodemo.onmicrosoft.com";
        workloads.addTrustedCertificateSubject(app.clientId(), new TrustedCertificateSubject(pinned, partnerAuthority));
        try {
            IssuedClientCertificate fromEmulatorCa = emulator.issueClientCertificate(pinned);
            assertAadError(
                    post(app.clientId(), assertion(app.clientId(), fromEmulatorCa, fromEmulatorCa.chain())),
                    401,
                    "invalid_client",
                    50012);

            IssuedClientCertificate fromPartner = partner.issue(pinned, Instant.now());
            String token = msal.acquire(
                    app.clientId(),
                    ClientCredentialFactory.createFromCertificateChain(fromPartner.privateKey(), fromPartner.chain()),
                    demo.tenantId(),
                    true);
            assertThat(TestJwt.claims(token).get("appid").getAsString()).isEqualTo(app.clientId());

            workloads.distrustCertificateAuthority(partnerAuthority);
            assertAadError(
                    post(app.clientId(), assertion(app.clientId(), fromPartner, fromPartner.chain())),
                    401,
                    "invalid_client",
                    7000213);
        } finally {
            workloads.distrustCertificateAuthority(partnerAuthority);
            emulator.directory().removeApplication(demo.tenantId(), app.clientId());
        }
    }

    @Test
    void anAppThatTrustsNoSubjectIgnoresTheChain() {
        AppRegistration app = emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(Guids.random(), "Third-party app", List.of(), List.of(), Set.of()));
        try {
            IssuedClientCertificate issued = emulator.issueClientCertificate(SUBJECT);

            String description = assertAadError(
                    post(app.clientId(), assertion(app.clientId(), issued, issued.chain())),
                    401,
                    "invalid_client",
                    700027);

            assertThat(description).contains("The key was not found.");
        } finally {
            emulator.directory().removeApplication(demo.tenantId(), app.clientId());
        }
    }

    @Test
    void issuedCertificatesExportTheirChain() throws Exception {
        IssuedClientCertificate issued = emulator.issueClientCertificate(SUBJECT);

        assertThat(issued.pem()).startsWith("-----BEGIN CERTIFICATE-----").contains("-----BEGIN PRIVATE KEY-----");
        assertThat(issued.pem().split("BEGIN CERTIFICATE", -1)).hasSize(3);
        assertThat(issued.toString()).doesNotContain("PRIVATE");
        assertThat(issued.chain().get(1))
                .isEqualTo(emulator.clientCertificateAuthority().issuingCertificate());
        issued.certificate().verify(issued.chain().get(1).getPublicKey());
    }

    private static ClientAssertions assertion(IssuedClientCertificate issued, List<X509Certificate> chain) {
        return assertion(demo.clientId(), issued, chain);
    }

    /** As MSAL4J builds it with {@code sendX5c}: x5t#S256 of the leaf, x5c the chain given. */
    private static ClientAssertions assertion(
            String clientId, IssuedClientCertificate issued, List<X509Certificate> chain) {
        ClientAssertions assertion = ClientAssertions.msal(
                clientId, issued.certificate(), issued.privateKey(), tokenEndpoint.toString(), Instant.now());
        assertion.header.put("x5c", chain.stream().map(TestJwt::x5c).toList());
        return assertion;
    }

    private static HttpResponse<String> post(ClientAssertions assertion) {
        return post(assertion.sign());
    }

    private static HttpResponse<String> post(String assertion) {
        return post(demo.clientId(), assertion);
    }

    private static HttpResponse<String> post(String clientId, ClientAssertions assertion) {
        return post(clientId, assertion.sign());
    }

    private static HttpResponse<String> post(String clientId, String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("scope", "https://graph.microsoft.com/.default");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        return client.postForm(tokenEndpoint, form);
    }
}

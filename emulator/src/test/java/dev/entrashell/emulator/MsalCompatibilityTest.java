package dev.entrashell.emulator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.KeyStore;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;

import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.state.DemoAppFiles;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.CertificateAndKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real client library, as the shell uses it, against the emulator: what MSAL4J 1.26 sends
 * (its assertion shape, the OpenID scopes it adds, {@code client_info}) must be accepted, and its
 * errors must surface as Entra's.
 */
@EmulatorTest(users = 5)
class MsalCompatibilityTest {
    private static final Set<String> GRAPH = Set.of("https://graph.microsoft.com/.default");

    private static Emulator emulator;
    private static DemoTenant demo;
    private static SSLSocketFactory trustingEmulator;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("emulator-ca", emulator.caCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        trustingEmulator = context.getSocketFactory();
    }

    @Test
    void getsATokenWithTheDemoCertificateAndCallsGraph() throws Exception {
        IClientCredential certificate =
                ClientCredentialFactory.createFromCertificate(demo.privateKey(), demo.certificate());

        String token = acquire(certificate, demo.tenantId());

        JsonObject claims = TestJwt.claims(token);
        assertThat(claims.get("appidacr").getAsString()).isEqualTo("2");
        assertThat(claims.getAsJsonArray("roles"))
                .hasSize(emulator.demo().roles().size());
        RecordedRequest sent = lastTokenRequest();
        assertThat(sent.body()).contains("client_assertion=").contains("openid").contains("client_info=1");
        assertThat(sent.headers()).containsKey("client-request-id");
        assertThat(new TestClient(emulator.caCertificate())
                        .get(URI.create(emulator.graphEndpoint() + "/v1.0/organization"), token)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void getsATokenFromThePkcs12FileAndByDomainAuthority() throws Exception {
        byte[] pfx =
                DemoAppFiles.pkcs12(new CertificateAndKey(demo.certificate(), demo.privateKey()), demo.pfxPassword());
        IClientCredential certificate = ClientCredentialFactory.createFromCertificate(
                new ByteArrayInputStream(pfx), new String(demo.pfxPassword()));

        String token = acquire(certificate, demo.domain());

        assertThat(TestJwt.claims(token).get("tid").getAsString()).isEqualTo(demo.tenantId());
    }

    @Test
    void getsATokenWithTheDemoSecret() throws Exception {
        String token = acquire(ClientCredentialFactory.createFromSecret(demo.clientSecret()), demo.tenantId());

        assertThat(TestJwt.claims(token).get("appidacr").getAsString()).isEqualTo("1");
    }

    @Test
    void surfacesEntrasErrorCodes() {
        assertThatThrownBy(() -> acquire(ClientCredentialFactory.createFromSecret("wrong"), demo.tenantId()))
                .isInstanceOfSatisfying(MsalServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).startsWith("AADSTS7000215:");
                    assertThat(e.correlationId()).isNotBlank();
                });
        assertThatThrownBy(() -> acquire(
                        ClientCredentialFactory.createFromSecret(demo.clientSecret()), "fabrikam.onmicrosoft.com"))
                .isInstanceOfSatisfying(MsalServiceException.class, e -> assertThat(e.getMessage())
                        .startsWith("AADSTS90002:"));
    }

    private static String acquire(IClientCredential credential, String tenant) throws Exception {
        ConfidentialClientApplication app = ConfidentialClientApplication.builder(demo.clientId(), credential)
                .authority(emulator.loginEndpoint() + "/" + tenant + "/")
                .instanceDiscovery(false)
                .sslSocketFactory(trustingEmulator)
                .connectTimeoutForDefaultHttpClient(10_000)
                .readTimeoutForDefaultHttpClient(10_000)
                .build();
        try {
            return app.acquireToken(ClientCredentialParameters.builder(GRAPH).build())
                    .get(30, TimeUnit.SECONDS)
                    .accessToken();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static RecordedRequest lastTokenRequest() {
        return emulator.requests().stream()
                .filter(r -> r.server().equals("login") && r.method().equals("POST"))
                .reduce((first, second) -> second)
                .orElseThrow();
    }
}

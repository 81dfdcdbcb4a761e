package dev.entrashell.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.aad.msal4j.MsalServiceException;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.session.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AADSTS codes the shell cannot provoke through its own token requests (it always asks for one
 * {@code /.default} scope, and client secrets come with a later issue): the emulator's real answers,
 * handed to the translation as MSAL hands them over, become one line with the code and a hint.
 */
@EmulatorTest
class AuthErrorsTest {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", emulator.caCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        http = HttpClient.newBuilder().sslContext(context).build();
    }

    private static String translated(String form) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create(emulator.loginEndpoint() + "/" + demo.tenantId() + "/oauth2/v2.0/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(400, 499);
        JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
        MsalServiceException thrown = new MsalServiceException(
                error.get("error_description").getAsString(), error.get("error").getAsString());
        Environment environment =
                new Environment("Emu", emulator.loginEndpoint(), emulator.graphEndpoint(), null, false);
        return AuthErrors.translate(thrown, environment, java.util.List.of()).getMessage();
    }

    private static String form(String scope, String secret) {
        return "grant_type=client_credentials&client_id=" + demo.clientId() + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    /** A wrong client secret: AADSTS7000215 and the secret-value-versus-id hint. */
    @Test
    void wrongSecret() throws Exception {
        assertThat(translated(form("https://graph.microsoft.com/.default", "not-the-secret")))
                .startsWith("Sign-in refused by Entra ID (invalid_client): AADSTS7000215:")
                .contains("Hint: the client secret is wrong: use the secret's Value")
                .doesNotContain("Trace ID")
                .doesNotContain("\n");
    }

    /** A delegated-style scope: AADSTS1002012 and the /.default hint. */
    @Test
    void scopeWithoutDefault() throws Exception {
        assertThat(translated(form("https://graph.microsoft.com/User.Read.All", demo.clientSecret())))
                .contains("AADSTS1002012")
                .contains("Hint: app-only tokens need a scope ending in /.default");
    }

    /** Two resources in one request (MSAL's own openid/profile/offline_access are ignored, as Entra does): AADSTS70011. */
    @Test
    void malformedScope() throws Exception {
        assertThat(translated(form(
                        "https://graph.microsoft.com/.default https://management.azure.com/.default",
                        demo.clientSecret())))
                .contains("AADSTS70011")
                .contains("Hint: the scope is malformed");
    }

    /** Entra's trace lines are dropped from the one line. */
    @Test
    void firstLineDropsTraceDetails() {
        assertThat(AuthErrors.firstLine(
                        "AADSTS90002: Tenant 'x' not found.\r\nTrace ID: 1\r\nCorrelation ID: 2\r\nTimestamp: 3"))
                .isEqualTo("AADSTS90002: Tenant 'x' not found.");
    }
}

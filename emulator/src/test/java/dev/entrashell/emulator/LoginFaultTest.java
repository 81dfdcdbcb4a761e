package dev.entrashell.emulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.faults.LoginFault;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token endpoint's fault modes: a bare 5xx, or an HTML page, instead of Entra's JSON. */
@EmulatorTest
class LoginFaultTest {
    private static Emulator emulator;
    private static TestClient client;
    private static Map<String, String> form;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient(emulator.caCertificate());
        DemoTenant demo = emulator.demo();
        form = Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                demo.clientId(),
                "client_secret",
                demo.clientSecret(),
                "scope",
                "https://graph.microsoft.com/.default");
    }

    @AfterEach
    void off() {
        emulator.setLoginFault(LoginFault.none());
    }

    @Test
    void aServerErrorHasNoEntraErrorShape() {
        emulator.setLoginFault(LoginFault.serverError(503));
        HttpResponse<String> response = client.postForm(tokenEndpoint(), form);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anHtmlPageIsServedAsHtml() {
        emulator.setLoginFault(LoginFault.htmlPage(200));
        HttpResponse<String> response = client.postForm(tokenEndpoint(), form);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    /** Only the token endpoint fails: discovery still works, and clearing the fault gives tokens again. */
    @Test
    void onlyTokenRequestsFailAndOnlyWhileSet() {
        emulator.setLoginFault(LoginFault.serverError(500));
        URI metadata = emulator.loginEndpoint()
                .resolve("/" + emulator.demo().tenantId() + "/v2.0/.well-known/openid-configuration");
        assertThat(client.get(metadata, null).statusCode()).isEqualTo(200);
        emulator.setLoginFault(LoginFault.none());
        HttpResponse<String> token = client.postForm(tokenEndpoint(), form);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");
    }

    @Test
    void refusesStatusesThatAreNotFaults() {
        assertThatThrownBy(() -> LoginFault.serverError(429)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginFault.htmlPage(99)).isInstanceOf(IllegalArgumentException.class);
    }

    private static URI tokenEndpoint() {
        return emulator.tokenEndpoint(emulator.demo().tenantId());
    }
}

package dev.entrashell.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.DemoTenant;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.LoginFault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the sign-in service itself fails (a 5xx, an HTML page where JSON belongs), connect says the
 * service failed, with the HTTP status, not that Entra ID refused the app.
 */
class ServiceFailuresIT {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static ShellProcess shell;

    @TempDir
    static Path home;

    @BeforeAll
    static void prepare() throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults());
        demo = emulator.demo();
        shell = new ShellProcess(home)
                .addEnvironment(emulator, emulator.writeCaCertificate(home.resolve("ca.pem")))
                .env("DEMO_SECRET", demo.clientSecret());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void heal() {
        emulator.setLoginFault(LoginFault.none());
    }

    /** An HTML page with status 200 (a captive portal) is no refusal either, and is not retried. */
    @Test
    void anHtmlPageWith200IsTheServiceFailing() throws Exception {
        emulator.setLoginFault(LoginFault.htmlPage(200));
        int before = tokenRequests();
        ShellProcess.Result result = connect();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(tokenRequests() - before).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("The sign-in service failed (HTTP 200): it answered with an HTML page")
                .doesNotContain("retried", "refused", "Exception");
    }

    private static int tokenRequests() {
        return (int) emulator.requests().stream()
                .filter(r -> r.pathAndQuery().endsWith("/oauth2/v2.0/token"))
                .count();
    }

    private static ShellProcess.Result connect() throws Exception {
        return shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --secret-env DEMO_SECRET --timeout 10");
    }

    @Test
    void aServerErrorIsTheServiceFailing() throws Exception {
        emulator.setLoginFault(LoginFault.serverError(503));
        int before = tokenRequests();
        ShellProcess.Result result = connect();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(tokenRequests() - before).as("MSAL retries a 503 once").isEqualTo(2);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("The sign-in service failed (HTTP 503): it answered with no JSON, 2 times (MSAL retried)")
                .doesNotContain("refused", "Exception");
        assertThat(result.err()).doesNotContain(demo.clientSecret());
    }

    @Test
    void anHtmlPageIsTheServiceFailing() throws Exception {
        emulator.setLoginFault(LoginFault.htmlPage(502));
        ShellProcess.Result result = connect();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("The sign-in service failed (HTTP 502): it answered with an HTML page")
                .doesNotContain("refused", "Exception");
    }
}

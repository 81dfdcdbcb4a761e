package dev.entrashell.e2e;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.faults.LoginFault;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.CertificateAndKey;
import dev.entrashell.emulator.tls.CertificateAuthority;
import dev.entrashell.emulator.tls.Pem;
import dev.entrashell.emulator.tls.ServerTls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the sign-in service itself fails (a 5xx, an HTML page where JSON belongs), connect says the
 * service failed, with the HTTP status, not that Entra ID refused the app.
 */
@EmulatorTest
class ServiceFailuresIT {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static ShellProcess shell;

    @TempDir
    static Path home;

    @BeforeAll
    static void prepare() throws Exception {
        demo = emulator.demo();
        shell = new ShellProcess(home)
                .addEnvironment(emulator, emulator.writeCaCertificate(home.resolve("ca.pem")))
                .env("DEMO_SECRET", demo.clientSecret());
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
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(tokenRequests() - before).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("The sign-in service failed (HTTP 200): it answered with an HTML page")
                .doesNotContain("retried", "refused", "Exception");
    }

    /** A certificate for another host name is one line (not OkHttp's four) naming the host and the names it has. */
    @Test
    void aCertificateForAnotherHostIsOneLine() throws Exception {
        TestCertificates.Issued other =
                TestCertificates.rsa("wrong.example.com", "SHA256withRSA", KeyPurposeId.id_kp_serverAuth);
        ShellProcess.Result result = connectThroughServer("WrongHost", selfSigned(other), other.certificate());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("certificate is not for the host name 127.0.0.1")
                .doesNotContain("--ca-file", "Exception");
    }

    /** An expired server certificate says so, and when; adding a CA would not help, so that is not advised. */
    @Test
    void anExpiredServerCertificateSaysWhen() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create();
        Instant expiredAt = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        CertificateAndKey expired = ca.issueLoopbackServerCertificate(expiredAt.minus(Duration.ofDays(30)), expiredAt);
        ShellProcess.Result result =
                connectThroughServer("Expired", ServerTls.context(expired, ca.certificate()), ca.certificate());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("certificate expired on " + expiredAt)
                .doesNotContain("--ca-file", "Exception");
    }

    /** connect to an environment served by a tiny HTTPS server with this certificate, its CA trusted. */
    private static ShellProcess.Result connectThroughServer(String environment, SSLContext tls, X509Certificate ca)
            throws Exception {
        Path caFile = Files.writeString(home.resolve(environment + "-ca.pem"), Pem.encode(ca));
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.start();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort();
            ShellProcess other = new ShellProcess(home).env("DEMO_SECRET", demo.clientSecret());
            assertThat(other.run("environment add " + environment + " --login-endpoint " + url + " --graph-endpoint "
                                    + url + " --ca-file " + caFile)
                            .exitCode())
                    .isZero();
            ShellProcess.Result result = other.run("connect --environment " + environment + " --tenant-id "
                    + demo.tenantId() + " --client-id " + demo.clientId() + " --secret-env DEMO_SECRET");
            assertThat(result.err()).contains("TLS failed with " + url);
            return result;
        } finally {
            server.stop(0);
        }
    }

    /** A server context for a self-signed certificate: its chain is itself alone. */
    private static SSLContext selfSigned(TestCertificates.Issued issued) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", issued.keys().getPrivate(), new char[0], new Certificate[] {issued.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
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
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
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
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("The sign-in service failed (HTTP 502): it answered with an HTML page")
                .doesNotContain("refused", "Exception");
    }
}

package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many tenants in one shell, through the real jar: two emulators registered as two environments, saved as
 * named connections, switched between, walked by the saved cross-tenant report and by a script, and none of
 * the secrets used in any output or file. That each connection renews its own token is checked in-process
 * on a clock the test moves ({@code ConnectionRenewalTest}), not here with a wait.
 */
class NamedConnectionsIT {
    private static final String PFX_PASSWORD = "alpha-pfx-pass-4471";
    private static final String WRONG_SECRET = "wrong-secret-value-9013";

    private static Emulator alphaTenant;
    private static Emulator betaTenant;

    @TempDir
    static Path files;

    private static Path alphaCa;
    private static Path betaCa;

    @TempDir
    Path home;

    private ShellProcess shell;
    private String connectAlpha;
    private String connectBeta;
    private Path betaSecret;
    private final List<ShellProcess.Result> results = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        alphaTenant = Emulator.start(EmulatorOptions.defaults().withUserCount(40));
        betaTenant = Emulator.start(EmulatorOptions.defaults().withUserCount(25));
        alphaCa = alphaTenant.writeCaCertificate(files.resolve("alpha-ca.pem"));
        betaCa = betaTenant.writeCaCertificate(files.resolve("beta-ca.pem"));
    }

    @AfterAll
    static void stop() {
        alphaTenant.close();
        betaTenant.close();
    }

    @BeforeEach
    void environments() throws Exception {
        shell = new ShellProcess(home);
        shell.addEnvironment("TenantA", alphaTenant, alphaCa);
        shell.addEnvironment("TenantB", betaTenant, betaCa);
        DemoTenant alpha = alphaTenant.demo();
        Path pfx = TestCertificates.writePfx(
                new TestCertificates.Issued(
                        new KeyPair(alpha.certificate().getPublicKey(), alpha.privateKey()), alpha.certificate()),
                home.resolve("alpha.pfx"),
                PFX_PASSWORD.toCharArray());
        Path password = Files.writeString(home.resolve("alpha.pfx.password"), PFX_PASSWORD + "\n");
        connectAlpha = "connect --environment TenantA --tenant-id " + alpha.domain() + " --client-id "
                + alpha.clientId() + " --certificate " + pfx + " --password-file " + password;
        DemoTenant beta = betaTenant.demo();
        betaSecret = Files.writeString(home.resolve("beta.secret"), beta.clientSecret() + "\n");
        connectBeta = "connect --environment TenantB --tenant-id " + beta.tenantId() + " --client-id " + beta.clientId()
                + " --secret-file " + betaSecret;
    }

    private ShellProcess.Result run(String... lines) throws Exception {
        ShellProcess.Result result = shell.run(lines);
        results.add(result);
        return result;
    }

    private static long tokenRequests(Emulator emulator) {
        return emulator.requests().stream()
                .filter(r -> r.server().equals("login") && r.pathAndQuery().endsWith("/token"))
                .count();
    }

    private static long organizationCalls(Emulator emulator) {
        return emulator.requests().stream()
                .filter(r -> r.server().equals("graph") && r.pathAndQuery().endsWith("/organization"))
                .count();
    }

    /**
     * Both saved, then switched back and forth: one token request per tenant in all, each call to its own
     * tenant; the list shows both live, the active one marked. The saved file is owner-only and holds
     * references only.
     */
    @Test
    void switchingMakesNoTokenRequestAndEachCallGoesToItsTenant() throws Exception {
        long alphaTokens = tokenRequests(alphaTenant);
        long betaTokens = tokenRequests(betaTenant);
        long alphaCalls = organizationCalls(alphaTenant);
        long betaCalls = organizationCalls(betaTenant);

        ShellProcess.Result result = run(
                connectAlpha + " --name alpha",
                connectBeta + " --name beta",
                "connection use alpha",
                "get /organization --output none",
                "connection use beta",
                "get /organization --output none",
                "get /organization --output none",
                "connection use alpha",
                "connection list --output json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(tokenRequests(alphaTenant) - alphaTokens).isEqualTo(1);
        assertThat(tokenRequests(betaTenant) - betaTokens).isEqualTo(1);
        assertThat(organizationCalls(alphaTenant) - alphaCalls).isEqualTo(1);
        assertThat(organizationCalls(betaTenant) - betaCalls).isEqualTo(2);
        assertThat(result.err())
                .contains("Saved as 'alpha'")
                .contains("Saved as 'beta'")
                .contains("Active: alpha (TenantA)")
                .contains("Active: beta (TenantB)");

        JsonArray listed = JsonParser.parseString(result.out()).getAsJsonArray();
        assertThat(listed).hasSize(2);
        JsonObject alpha = listed.get(0).getAsJsonObject();
        JsonObject beta = listed.get(1).getAsJsonObject();
        assertThat(alpha.get("Name").getAsString()).isEqualTo("alpha");
        assertThat(alpha.get("Active").getAsBoolean()).isTrue();
        assertThat(alpha.get("Environment").getAsString()).isEqualTo("TenantA");
        assertThat(alpha.get("CredentialType").getAsString()).isEqualTo("ClientCertificate");
        assertThat(beta.get("Active").getAsBoolean()).isFalse();
        assertThat(beta.get("Live").getAsBoolean()).isTrue();
        assertThat(beta.get("CredentialType").getAsString()).isEqualTo("ClientSecret");
        assertThat(beta.get("TokenExpiresOn").getAsString()).isNotBlank();

        Path saved = home.resolve("connections.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(saved))
                .contains("\"secret-file\": \"" + betaSecret + "\"")
                .contains("\"password-file\"");
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
        assertNoSecretAnywhere();
    }

    /**
     * The cron form connects the saved way and prints data only; a saved connection shows its options; one
     * removed is gone; an unknown name gets one line naming the saved ones.
     */
    @Test
    void cronFormShowAndRemove() throws Exception {
        assertThat(run(connectAlpha + " --name alpha --no-welcome", connectBeta + " --name beta --no-welcome")
                        .exitCode())
                .isZero();

        ShellProcess.Result cron = run("connect alpha", "get /organization --output json");
        assertThat(cron.exitCode()).as(cron.err()).isZero();
        assertThat(JsonParser.parseString(cron.out())
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .get("displayName")
                        .getAsString())
                .isEqualTo(alphaTenant.demo().organizationName());
        assertThat(cron.err()).contains("in TenantA");

        ShellProcess.Result show = run("connection show beta --output json");
        assertThat(show.exitCode()).as(show.err()).isZero();
        JsonObject beta = JsonParser.parseString(show.out()).getAsJsonObject();
        assertThat(beta.get("Live").getAsBoolean()).isFalse();
        assertThat(beta.get("ConnectOptions").getAsString())
                .contains("--environment TenantB")
                .contains("--secret-file " + betaSecret);

        ShellProcess.Result removed = run("connection remove beta", "connection list --output json");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.err()).contains("Removed the saved connection 'beta'.");
        assertThat(JsonParser.parseString(removed.out()).getAsJsonArray()).hasSize(1);

        ShellProcess.Result unknown = run("connect beta");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .contains("No saved connection 'beta'")
                .contains("Saved: alpha");
        assertNoSecretAnywhere();
    }

    /**
     * The saved report walks every saved connection, one CSV line each with that tenant's own counts;
     * a tenant that fails is named on stderr, the others still reported, and the exit code is 1.
     * A script's use() and connection() leave the shell's active connection where it was, and each
     * connection gets its own token once, not once per call.
     */
    @Test
    void crossTenantScripts() throws Exception {
        Path gammaSecret = Files.writeString(
                home.resolve("gamma.secret"), betaTenant.demo().clientSecret());
        assertThat(run(
                                connectAlpha + " --name alpha --no-welcome",
                                connectBeta + " --name beta --no-welcome",
                                connectBeta.replace(betaSecret.toString(), gammaSecret.toString())
                                        + " --name gamma --no-welcome")
                        .exitCode())
                .isZero();
        Files.writeString(gammaSecret, WRONG_SECRET); // the secret was rotated elsewhere: gamma now fails

        ShellProcess.Result report = run("run tenants-report");
        assertThat(report.exitCode()).isEqualTo(1);
        List<String> lines = report.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("name,tenant,app,users,guests");
        assertThat(lines.get(1))
                .startsWith("alpha," + alphaTenant.demo().tenantId() + ",Entra Shell Demo,"
                        + alphaTenant
                                .directory()
                                .users(alphaTenant.demo().tenantId())
                                .size() + ",");
        assertThat(lines.get(2))
                .startsWith("beta," + betaTenant.demo().tenantId() + ",Entra Shell Demo,"
                        + betaTenant
                                .directory()
                                .users(betaTenant.demo().tenantId())
                                .size() + ",");
        assertThat(report.err())
                .contains("gamma: ")
                .contains("AADSTS7000215")
                .contains("1 of 3 tenants failed: gamma.");

        Path script = Files.writeString(home.resolve("walk.groovy"), """
                use('alpha')
                out.println "default: ${context.Environment} ${get('/organization').value[0].displayName}"
                out.println "saved: ${connections().join(',')}"
                connection('beta').get('/organization')
                out.println "beta: ${connection('beta').context.Environment} ${connection('beta').get('/users/$count')}"
                out.println "alpha: ${connection('alpha').get('/users/$count')}"
                """);
        long alphaTokens = tokenRequests(alphaTenant);
        long betaTokens = tokenRequests(betaTenant);
        ShellProcess.Result walked = run(connectBeta + " --no-welcome", "run " + script, "context --output json");
        assertThat(walked.exitCode()).as(walked.err()).isZero();
        assertThat(walked.out())
                .contains("default: TenantA " + alphaTenant.demo().organizationName())
                .contains("saved: alpha,beta,gamma")
                .contains("beta: TenantB "
                        + betaTenant
                                .directory()
                                .users(betaTenant.demo().tenantId())
                                .size())
                .contains("alpha: "
                        + alphaTenant
                                .directory()
                                .users(alphaTenant.demo().tenantId())
                                .size());
        // The unnamed beta connection stayed the shell's active one: the script's use() was its own.
        assertThat(walked.out()).contains("\"Environment\": \"TenantB\"");
        assertThat(tokenRequests(alphaTenant) - alphaTokens).isEqualTo(1);
        // the unnamed beta at connect, the named one at its first use, and no more
        assertThat(tokenRequests(betaTenant) - betaTokens).isEqualTo(2);
        assertNoSecretAnywhere();
    }

    /**
     * On a terminal: the prompt names the active connection and its cloud; a refused connect says which
     * connection is still active and leaves it so; Tab completes saved names.
     */
    @Test
    void refusedConnectKeepsTheActiveConnectionAndThePromptSaysWhich() throws Exception {
        assertThat(run(connectAlpha + " --name alpha --no-welcome").exitCode()).isZero();
        Path wrong = Files.writeString(home.resolve("wrong.secret"), WRONG_SECRET);

        ShellProcess.Result typed = shell.runTyped(List.of(
                new ShellProcess.Step("entra>", "connect al\t"),
                new ShellProcess.Step(
                        "entra [alpha (TenantA)]>", connectBeta.replace(betaSecret.toString(), wrong.toString())),
                new ShellProcess.Step("AADSTS7000215", null),
                new ShellProcess.Step("entra [alpha (TenantA)]>", "context"),
                new ShellProcess.Step("TokenExpiresOn", null),
                new ShellProcess.Step("entra [alpha (TenantA)]>", "exit")));

        assertThat(typed.exitCode()).as(typed.out()).isZero();
        assertThat(typed.out())
                .contains("connect alpha")
                .contains("The active connection is still alpha (TenantA).")
                .containsPattern("Environment\\s+: TenantA")
                .doesNotContain(WRONG_SECRET)
                .doesNotContain(PFX_PASSWORD);
        assertNoSecretAnywhere();
    }

    /** A damaged file: one line naming it, left as it is, nothing saved over it; the rest works. */
    @Test
    void damagedFileIsReportedAndLeftAlone() throws Exception {
        Path saved = Files.writeString(home.resolve("connections.json"), "{\"connections\": [ {\"name\": \"x\" ");

        ShellProcess.Result listed = run("connection list");
        assertThat(listed.exitCode()).isEqualTo(1);
        assertThat(listed.errLines())
                .singleElement()
                .asString()
                .contains("Cannot read the saved connections in " + saved)
                .contains("left as it is");
        ShellProcess.Result save = run(connectAlpha + " --name alpha");
        assertThat(save.exitCode()).isEqualTo(1);
        assertThat(save.err()).doesNotContain("Connected to tenant");
        assertThat(Files.readString(saved)).isEqualTo("{\"connections\": [ {\"name\": \"x\" ");
        ShellProcess.Result rest = run(connectAlpha, "environment list --output json");
        assertThat(rest.exitCode()).as(rest.err()).isZero();
        assertThat(rest.out()).contains("TenantB");

        Files.writeString(
                saved,
                "{\"connections\": [{\"name\": \"edited\", \"tenant\": \"t.example\", \"clientId\": \""
                        + alphaTenant.demo().clientId() + "\", \"credential\": {\"secret\": \"" + WRONG_SECRET
                        + "\"}}]}");
        ShellProcess.Result edited = run("connect edited");
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.errLines())
                .singleElement()
                .asString()
                .contains("Saved connection 'edited' holds a value for 'secret'")
                .doesNotContain(WRONG_SECRET);
    }

    /** The secrets used never appear in any output of the test nor in the saved file. */
    private void assertNoSecretAnywhere() throws Exception {
        List<String> secrets = List.of(
                PFX_PASSWORD,
                WRONG_SECRET,
                alphaTenant.demo().clientSecret(),
                betaTenant.demo().clientSecret());
        Path saved = home.resolve("connections.json");
        String file = Files.exists(saved) ? Files.readString(saved) : "";
        for (String secret : secrets) {
            assertThat(file).doesNotContain(secret);
            for (ShellProcess.Result result : results) {
                assertThat(result.out() + result.err()).doesNotContain(secret);
            }
        }
    }
}

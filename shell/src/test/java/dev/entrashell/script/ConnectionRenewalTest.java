package dev.entrashell.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.FakeTime;
import dev.entrashell.TestShell;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.session.Prompter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script that walks two tenants holds a connection to each, and each renews its own token when its own
 * runs out: the tenants here are two emulators on one clock the test moves, the second issuing tokens that
 * live 30 minutes, the first hour-long ones. Minutes, not seconds, and a pause that stays short of the
 * lifetime: the test clock also runs with the wall clock, whose seconds must not reach a renewal point, and
 * MSAL dates a token's expiry by the system clock, so a pause past a whole lifetime would make every new
 * token look expired at once.
 */
class ConnectionRenewalTest {
    private final FakeTime time = new FakeTime();

    @TempDir
    Path home;

    /**
     * After 28 minutes (past the renewal point, 3 minutes before expiry) TenantB's 30-minute token is renewed
     * for the script's beta connection and, apart, for the shell's own unnamed one, while TenantA's hour-long
     * token is not: one token request to TenantA in all, four to TenantB, every call answered by its own
     * tenant.
     */
    @Test
    void eachConnectionOfAScriptRenewsOnItsOwn() throws Exception {
        try (Emulator alphaTenant = Emulator.start(EmulatorOptions.defaults()
                        .withUserCount(40)
                        .withClockSkew(Duration.ZERO)
                        .withClock(time));
                Emulator betaTenant = Emulator.start(EmulatorOptions.defaults()
                        .withUserCount(25)
                        .withTokenLifetime(Duration.ofMinutes(30))
                        .withClockSkew(Duration.ZERO)
                        .withClock(time))) {
            walkTwoTenants(alphaTenant, betaTenant);
        }
    }

    private void walkTwoTenants(Emulator alphaTenant, Emulator betaTenant) throws Exception {
        DemoTenant alpha = alphaTenant.demo();
        DemoTenant beta = betaTenant.demo();
        Path alphaSecret = Files.writeString(home.resolve("alpha.secret"), alpha.clientSecret());
        Path betaSecret = Files.writeString(home.resolve("beta.secret"), beta.clientSecret());
        String connectAlpha = "connect --environment TenantA --tenant-id " + alpha.tenantId() + " --client-id "
                + alpha.clientId() + " --secret-file " + alphaSecret + " --no-welcome";
        String connectBeta = "connect --environment TenantB --tenant-id " + beta.tenantId() + " --client-id "
                + beta.clientId() + " --secret-file " + betaSecret + " --no-welcome";
        TestShell saving = TestShell.withTime(home, Prompter.none(), time);
        saving.addEnvironment("TenantA", alphaTenant, home);
        saving.addEnvironment("TenantB", betaTenant, home);
        assertThat(saving.run(connectAlpha + " --name alpha", connectBeta + " --name beta"))
                .as(saving.err())
                .isZero();

        String afterThePause =
                "out.println \"beta: ${connection('beta').context.Environment} ${connection('beta').get('/users/$count')}\"";
        TypedLines typing = new TypedLines(
                        "use('alpha')",
                        "out.println \"default: ${context.Environment} ${get('/organization').value[0].displayName}\"",
                        "out.println \"saved: ${connections().join(',')}\"",
                        "connection('beta').get('/organization').value.size()",
                        afterThePause,
                        "out.println \"alpha: ${connection('alpha').get('/users/$count')}\"",
                        ":exit")
                .before(afterThePause, () -> time.advance(Duration.ofMinutes(28)));
        TestShell shell = TestShell.withTime(home, typing, time);
        long alphaTokens = tokenRequests(alphaTenant);
        long betaTokens = tokenRequests(betaTenant);
        int alphaCalls = graphCalls(alphaTenant).size();
        int betaCalls = graphCalls(betaTenant).size();

        assertThat(shell.run(connectBeta, "groovy", "context --output json"))
                .as(shell.err())
                .isZero();

        assertThat(shell.out())
                .contains("default: TenantA " + alpha.organizationName())
                .contains("saved: alpha,beta")
                .contains("beta: TenantB "
                        + betaTenant.directory().users(beta.tenantId()).size())
                .contains("alpha: "
                        + alphaTenant.directory().users(alpha.tenantId()).size());
        // The unnamed beta connection stayed the shell's active one: the script's use() was its own.
        assertThat(shell.out()).contains("\"Environment\": \"TenantB\"");
        assertThat(tokenRequests(alphaTenant) - alphaTokens)
                .as("TenantA's hour-long token is not renewed")
                .isEqualTo(1);
        // the unnamed beta at connect, the named one at its first use, then each renewed on its own after the
        // pause: the named one by the script, the unnamed one by the context that follows
        assertThat(tokenRequests(betaTenant) - betaTokens).isEqualTo(4);
        List<RecordedRequest> toAlpha = graphCalls(alphaTenant)
                .subList(alphaCalls, graphCalls(alphaTenant).size());
        List<RecordedRequest> toBeta =
                graphCalls(betaTenant).subList(betaCalls, graphCalls(betaTenant).size());
        assertThat(toAlpha)
                .extracting(RecordedRequest::pathAndQuery)
                .containsExactly("/v1.0/organization", "/v1.0/users/$count");
        assertThat(toBeta)
                .extracting(RecordedRequest::pathAndQuery)
                .containsExactly("/v1.0/organization", "/v1.0/users/$count");
        assertThat(toAlpha).extracting(RecordedRequest::status).containsOnly(200);
        assertThat(toBeta).extracting(RecordedRequest::status).containsOnly(200);
    }

    private static long tokenRequests(Emulator emulator) {
        return emulator.requests().stream()
                .filter(r -> r.server().equals("login") && r.pathAndQuery().endsWith("/oauth2/v2.0/token"))
                .count();
    }

    private static List<RecordedRequest> graphCalls(Emulator emulator) {
        return emulator.requests().stream()
                .filter(r -> r.server().equals("graph"))
                .toList();
    }
}

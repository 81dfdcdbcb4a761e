package dev.entrashell.auth;

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

import static org.assertj.core.api.Assertions.assertThat;

/** A session outlives its tokens: the shell renews shortly before expiry, never once per call. */
class TokenRenewalTest {
    @TempDir
    Path home;

    /**
     * With 10-minute tokens on a clock the test moves (the emulator's and the shell's): calls through most
     * of a token's life make no token request, one past the renewal point (a tenth of the lifetime plus a
     * second early) makes exactly one, and a call after the first token has expired still succeeds.
     */
    @Test
    void renewsBeforeExpiryOnly() throws Exception {
        FakeTime time = new FakeTime();
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults()
                .withTokenLifetime(Duration.ofMinutes(10))
                .withClockSkew(Duration.ZERO)
                .withClock(time))) {
            DemoTenant demo = emulator.demo();
            TestShell shell = TestShell.against(emulator, home, time);
            Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
            assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                            + demo.clientId() + " --secret-file " + secret + " --no-welcome"))
                    .as(shell.err())
                    .isZero();
            assertThat(tokenRequests(emulator)).isEqualTo(1);

            for (int minute = 1; minute <= 8; minute++) {
                time.advance(Duration.ofMinutes(1));
                assertThat(shell.run("get /organization --output none"))
                        .as(shell.err())
                        .isZero();
            }
            assertThat(tokenRequests(emulator))
                    .as("no token request before the renewal point")
                    .isEqualTo(1);

            time.advance(Duration.ofSeconds(65)); // 9 min 5 s: past the renewal point (61 s before expiry)
            for (int call = 0; call < 3; call++) {
                assertThat(shell.run("get /organization --output none"))
                        .as(shell.err())
                        .isZero();
            }
            assertThat(tokenRequests(emulator))
                    .as("one renewal, not one per call")
                    .isEqualTo(2);

            time.advance(Duration.ofMinutes(2)); // past the first token's expiry
            assertThat(shell.run("get /organization --output none"))
                    .as(shell.err())
                    .isZero();
            assertThat(emulator.requests().stream()
                            .filter(r -> r.server().equals("graph"))
                            .map(RecordedRequest::status))
                    .hasSize(12)
                    .containsOnly(200);
        }
    }

    private static long tokenRequests(Emulator emulator) {
        return emulator.requests().stream()
                .filter(r -> r.server().equals("login") && r.pathAndQuery().endsWith("/oauth2/v2.0/token"))
                .count();
    }

    /** A federated token file is read again for every token request, so a rotated token (Kubernetes) is used. */
    @Test
    void federatedTokenFileIsReadAgain() throws Exception {
        FakeTime time = new FakeTime();
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withTokenLifetime(Duration.ofMinutes(10)))) {
            DemoTenant demo = emulator.demo();
            TestShell shell = TestShell.against(emulator, home, time);
            String subject = emulator.demoIdentities().federatedCredential().subject();
            Path file =
                    emulator.federatedIssuer().mintToFile(home.resolve("token.jwt"), subject, Duration.ofMinutes(30));
            String first = Files.readString(file).strip();
            assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                            + demo.clientId() + " --federated-token-file " + file + " --no-welcome"))
                    .as(shell.err())
                    .isZero();
            emulator.federatedIssuer()
                    .mintToFile(file, subject, Duration.ofMinutes(30)); // the kubelet rotates the token
            String second = Files.readString(file).strip();
            assertThat(second).isNotEqualTo(first);
            time.advance(Duration.ofSeconds(545)); // past the first token's renewal point
            assertThat(shell.run("get /organization --output none"))
                    .as(shell.err())
                    .isZero();
            List<String> assertions = emulator.requests().stream()
                    .filter(r -> r.server().equals("login")
                            && r.body() != null
                            && r.body().contains("client_assertion="))
                    .map(r -> java.net.URLDecoder.decode(
                            r.body().replaceAll(".*client_assertion=([^&]*).*", "$1"),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .toList();
            assertThat(assertions).hasSize(2);
            assertThat(assertions.get(0)).isEqualTo(first);
            assertThat(assertions.get(1)).isEqualTo(second);
        }
    }
}

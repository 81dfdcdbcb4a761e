package dev.entrashell.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.TestShell;
import dev.entrashell.emulator.DemoTenant;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.http.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A session outlives its tokens: the shell renews shortly before expiry, never once per call. */
class TokenRenewalTest {
    @TempDir
    Path home;

    /** With 5-second tokens, Graph calls spread over 20 seconds all succeed with about one token request per lifetime. */
    @Test
    void renewsBeforeExpiryOnly() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults()
                .withTokenLifetime(Duration.ofSeconds(5))
                .withClockSkew(Duration.ZERO))) {
            DemoTenant demo = emulator.demo();
            TestShell shell = TestShell.against(emulator, home);
            Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
            assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                            + demo.clientId() + " --secret-file " + secret + " --no-welcome"))
                    .as(shell.err())
                    .isZero();
            Instant end = Instant.now().plusSeconds(20);
            int calls = 0;
            while (Instant.now().isBefore(end)) {
                assertThat(shell.run("get /organization --output json"))
                        .as(shell.err())
                        .isZero();
                calls++;
                Thread.sleep(400);
            }
            List<Instant> tokenRequests = emulator.requests().stream()
                    .filter(r -> r.server().equals("login") && r.pathAndQuery().endsWith("/oauth2/v2.0/token"))
                    .map(RecordedRequest::time)
                    .toList();
            long graphCalls = emulator.requests().stream()
                    .filter(r -> r.server().equals("graph"))
                    .count();
            assertThat(graphCalls).isEqualTo(calls);
            assertThat(calls).isGreaterThan(20); // one every 0.4 s plus the call itself, even on a loaded machine
            // 20 s of 5-second tokens renewed 1.5 s early, 2.5 to 4.4 s apart (see below): five to nine requests,
            // not one per call.
            assertThat(tokenRequests).hasSizeBetween(5, 9);
            for (int i = 1; i < tokenRequests.size(); i++) {
                // Renewal is due 1.5 s before expiry, and expiry is in whole seconds (MSAL: now in seconds plus
                // expires_in): a token requested at r expires at floor(r) + 5 and is renewed from floor(r) + 3.5,
                // so at least 2.5 s after r. Calls are 0.4 s apart: one renewal per call would show gaps of 0.4 s.
                assertThat(Duration.between(tokenRequests.get(i - 1), tokenRequests.get(i)))
                        .isGreaterThan(Duration.ofMillis(2400));
            }
            assertThat(emulator.requests().stream()
                            .filter(r -> r.server().equals("graph"))
                            .allMatch(r -> r.status() == 200))
                    .isTrue();
        }
    }

    /** A federated token file is read again for every token request, so a rotated token (Kubernetes) is used. */
    @Test
    void federatedTokenFileIsReadAgain() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withTokenLifetime(Duration.ofSeconds(3)))) {
            DemoTenant demo = emulator.demo();
            TestShell shell = TestShell.against(emulator, home);
            String subject = emulator.demoIdentities().federatedCredential().subject();
            Path file =
                    emulator.federatedIssuer().mintToFile(home.resolve("token.jwt"), subject, Duration.ofMinutes(10));
            String first = Files.readString(file).strip();
            assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                            + demo.clientId() + " --federated-token-file " + file + " --no-welcome"))
                    .as(shell.err())
                    .isZero();
            emulator.federatedIssuer()
                    .mintToFile(file, subject, Duration.ofMinutes(10)); // the kubelet rotates the token
            String second = Files.readString(file).strip();
            assertThat(second).isNotEqualTo(first);
            Thread.sleep(3000); // past the first token's renewal point
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

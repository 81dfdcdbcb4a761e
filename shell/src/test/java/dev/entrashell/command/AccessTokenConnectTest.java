package dev.entrashell.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.FakeTime;
import dev.entrashell.TestShell;
import dev.entrashell.auth.TokenClaims;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connect --access-token}: a real token the emulator issued (taken with {@code token --raw} in
 * another session), given as {@code az} prints it or pasted with quotes and a Bearer prefix; and the
 * tokens people give by mistake, each refused with the reason.
 */
class AccessTokenConnectTest {
    @TempDir
    Path home;

    private static String issuedToken(Emulator emulator, Path home) throws Exception {
        DemoTenant demo = emulator.demo();
        TestShell issuer = TestShell.against(emulator, home.resolve("issuer"));
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        assertThat(issuer.run(
                        "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                                + " --secret-file " + secret + " --no-welcome",
                        "token --raw"))
                .as(issuer.err())
                .isZero();
        return issuer.out().strip();
    }

    @Test
    void aTokenFromElsewhereIsUsedAsGiven() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            DemoTenant demo = emulator.demo();
            String token = issuedToken(emulator, home);
            // As Windows PowerShell 5.1 writes 'az account get-access-token > token.json': UTF-16LE with a BOM, CRLF.
            String json =
                    "{\r\n  \"accessToken\": \"" + token + "\",\r\n  \"expiresOn\": \"2026-11-22 06:00:00.000000\",\r\n"
                            + "  \"tenant\": \"" + demo.tenantId() + "\",\r\n  \"tokenType\": \"Bearer\"\r\n}\r\n";
            Path azJson =
                    Files.write(home.resolve("token.json"), ("\uFEFF" + json).getBytes(StandardCharsets.UTF_16LE));
            TestShell shell = TestShell.against(emulator, home.resolve("user"));

            int code = shell.run(
                    "connect --environment Emu --access-token-file " + azJson, "context", "get /organization");

            assertThat(code).as(shell.err()).isZero();
            assertThat(shell.err()).contains("AppOnly, UserProvidedAccessToken, 8 roles.");
            assertThat(shell.out())
                    .containsPattern("TokenCredentialType\\s+: UserProvidedAccessToken")
                    .containsPattern("TenantId\\s+: " + demo.tenantId())
                    .containsPattern("ClientId\\s+: " + demo.clientId())
                    .contains("Contoso Demo");
            assertThat(shell.err())
                    .containsPattern(
                            "Note: this token is used as given and never renewed; it expires \\S+ \\(in \\d+ min\\)");
            assertThat(shell.out() + shell.err()).doesNotContain(token);

            TestShell pasted = TestShell.against(
                    emulator, home.resolve("pasted"), Map.of("GRAPH_TOKEN", "  \"Bearer " + token + "\"\n"));
            assertThat(pasted.run(
                            "connect --environment Emu --access-token-env GRAPH_TOKEN --no-welcome",
                            "get /users --top 1"))
                    .as(pasted.err())
                    .isZero();
        }
    }

    @Test
    void tokensGivenByMistakeAreRefusedWithTheReason() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            Instant hour = Instant.now().plus(Duration.ofHours(1));
            Map<String, String> tokens = Map.of(
                    "ARM", jwt("{\"aud\":\"https://management.azure.com/\",\"exp\":" + hour.getEpochSecond() + "}"),
                    "USER",
                            jwt("{\"aud\":\"https://graph.microsoft.com\",\"scp\":\"User.Read Mail.Read\",\"exp\":"
                                    + hour.getEpochSecond() + "}"),
                    "OLD",
                            jwt("{\"aud\":\"00000003-0000-0000-c000-000000000000\",\"exp\":"
                                    + Instant.now().minusSeconds(60).getEpochSecond() + "}"),
                    "NOISE", "not-a-token",
                    "GOV", jwt("{\"aud\":\"https://graph.microsoft.us\",\"exp\":" + hour.getEpochSecond() + "}"));
            TestShell shell = TestShell.against(emulator, home, tokens);

            assertThat(shell.run("connect --environment Emu --access-token-env ARM"))
                    .isEqualTo(2);
            assertThat(shell.err())
                    .contains("The access token is for https://management.azure.com/ (Azure Resource Manager: what "
                            + "'az account get-access-token' gives without --resource), not Microsoft Graph");
            shell.clear();
            assertThat(shell.run("connect --environment Emu --access-token-env USER"))
                    .isEqualTo(2);
            assertThat(shell.err()).contains("is a user's (delegated, with scopes User.Read Mail.Read)");
            shell.clear();
            assertThat(shell.run("connect --environment Emu --access-token-env OLD"))
                    .isEqualTo(2);
            assertThat(shell.err()).contains("The access token expired at");
            shell.clear();
            assertThat(shell.run("connect --environment Emu --access-token-env NOISE"))
                    .isEqualTo(2);
            assertThat(shell.err()).contains("The access token is not a JWT");
            shell.clear();
            assertThat(shell.run("connect --environment Global --access-token-env GOV"))
                    .isEqualTo(2);
            assertThat(shell.err())
                    .contains(
                            "The access token is for https://graph.microsoft.us, Microsoft Graph in another cloud than "
                                    + "Global (https://graph.microsoft.com): connect with --environment set to the cloud it was "
                                    + "issued in.");
            shell.clear();
            assertThat(shell.run("connect --tenant-id contoso.com --access-token-env ARM"))
                    .isEqualTo(2);
            assertThat(shell.err()).contains("leave out --tenant-id and --client-id");
            shell.clear();
            assertThat(shell.run("connect --access-token")).isEqualTo(2);
            assertThat(shell.err())
                    .contains("--access-token without a value asks for the token, but there is no terminal to ask at");
        }
    }

    /** A given token is never renewed: once it expires, calls say so instead of failing with a 401. */
    @Test
    void anExpiredGivenTokenSaysSo() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            String token = issuedToken(emulator, home);
            FakeTime time = new FakeTime();
            TestShell shell = TestShell.against(emulator, home.resolve("user"), Map.of("T", token), time);
            assertThat(shell.run("connect --environment Emu --access-token-env T --no-welcome"))
                    .as(shell.err())
                    .isZero();
            int graphCalls = graphCalls(emulator);

            // until just past the token's own expiry
            time.advance(
                    Duration.between(time.instant(), TokenClaims.parse(token).expiresOn())
                            .plusSeconds(1));

            assertThat(shell.run("get /organization")).isEqualTo(1);
            assertThat(shell.err())
                    .contains("The access token given to connect expired at")
                    .contains("a given token is never renewed: get a new one and connect again.");
            assertThat(graphCalls(emulator))
                    .as("nothing sent with an expired token")
                    .isEqualTo(graphCalls);
        }
    }

    private static int graphCalls(Emulator emulator) {
        return (int) emulator.requests().stream()
                .filter(r -> r.server().equals("graph"))
                .count();
    }

    private static String jwt(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}

package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --debug} shows each exchange as {@code az --debug} does (headers each way, bodies, JSON pretty)
 * and never a credential: not the Authorization header, not the client secret of the token request, not
 * a new user's password nor the secret text that addPassword returns (which stdout does carry: the user
 * asked for it).
 */
@EmulatorTest(users = 10)
class DebugOutputIT {
    private static final String SECRET = "debug-" + UUID.randomUUID();
    private static final String PASSWORD = "Pw-" + UUID.randomUUID();

    private static Emulator emulator;
    private static String connect;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        DemoTenant demo = emulator.demo();
        String app = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                app,
                                "Debug Writer",
                                List.of(),
                                List.of(SECRET),
                                Set.of("User.ReadWrite.All", "Application.ReadWrite.All")));
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret = Files.writeString(home.resolve("secret.txt"), SECRET);
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + app + " --secret-file "
                + secret + " --no-welcome";
    }

    @Test
    void headersAndBodiesWithoutCredentials() throws Exception {
        String newUser = "{\"displayName\":\"Debug Test\",\"accountEnabled\":true,\"mailNickname\":\"debugtest\","
                + "\"userPrincipalName\":\"debugtest@contosodemo.onmicrosoft.com\","
                + "\"passwordProfile\":{\"password\":\"" + PASSWORD + "\"}}";
        ShellProcess.Result run = new ShellProcess(home)
                .option("--debug")
                .run(
                        connect,
                        "post /users --body '" + newUser + "' --output none",
                        "get /applications --top 1 --select id --output json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String appId = JsonParser.parseString(run.out())
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .get("id")
                .getAsString();
        ShellProcess.Result added = new ShellProcess(home)
                .option("--debug")
                .run(connect, "post /applications/" + appId + "/addPassword --body '{}' --output json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        String secretText = JsonParser.parseString(added.out())
                .getAsJsonObject()
                .get("secretText")
                .getAsString();

        assertThat(run.err())
                // the token request: its headers and its form, the secret masked
                .contains("  > Content-Type: application/x-www-form-urlencoded")
                .contains("client_secret=***")
                // a Graph request: headers each way, the body pretty, the password masked
                .contains("  > Authorization: Bearer ***")
                .contains("  > Accept: application/json")
                .containsIgnoringCase("  < Content-Type: application/json")
                .containsIgnoringCase("  < request-id: ")
                .contains("\"displayName\": \"Debug Test\"")
                .contains("\"password\": \"***\"");
        assertThat(added.err()).contains("\"secretText\": \"***\"");
        for (String err : List.of(run.err(), added.err())) {
            assertThat(err)
                    .doesNotContain(SECRET, PASSWORD, secretText)
                    .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.eyJ");
        }
    }
}

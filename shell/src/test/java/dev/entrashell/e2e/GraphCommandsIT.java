package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.Throttling;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Graph verb and the main options and formats, through the real jar against the emulator. */
@EmulatorTest(users = 2500)
class GraphCommandsIT {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static final String SECRET = "it-writer-" + UUID.randomUUID();
    private static String writer;

    @TempDir
    static Path home;

    private static String connect;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        writer = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                writer,
                                "IT Writer",
                                List.of(),
                                List.of(SECRET),
                                Set.of("User.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All")));
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret = Files.writeString(home.resolve("secret.txt"), SECRET);
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + writer
                + " --secret-file " + secret + " --no-welcome";
    }

    /** post, get, patch, delete a group, and the 404 after. */
    @Test
    void everyVerb() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result created = shell.run(
                connect,
                "post /groups --body '{\"displayName\":\"IT Group\",\"mailNickname\":\"itgroup\",\"mailEnabled\":false,\"securityEnabled\":true}' --output json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String id = JsonParser.parseString(created.out())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        ShellProcess.Result changed = shell.run(
                connect,
                "patch /groups/" + id + " --body '{\"description\":\"from the jar\"}'",
                "put /groups/" + id + "/owners/$ref --body '{}'");
        assertThat(changed.exitCode()).isEqualTo(1); // PUT on a $ref is not a Graph operation: Graph's error, one line
        assertThat(changed.errLines()).singleElement().asString().startsWith("Graph error 4");
        ShellProcess.Result read =
                shell.run(connect, "get /groups/" + id + " --output json", "delete /groups/" + id, "get /groups/" + id);
        assertThat(read.exitCode()).isEqualTo(1);
        assertThat(read.out()).contains("from the jar");
        assertThat(read.errLines()).singleElement().asString().contains("404 Request_ResourceNotFound");
    }

    /** --all with csv to a file: every user, one header, and the file parses back to the emulator's data. */
    @Test
    void allToCsvFile() throws Exception {
        Path out = home.resolve("users-" + UUID.randomUUID() + ".csv");
        ShellProcess.Result result = new ShellProcess(home)
                .run(connect, "get /users --all --top 999 --select id,userPrincipalName --output csv --out " + out);
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        List<User> users = emulator.directory().users(demo.tenantId()).all();
        assertThat(lines).hasSize(1 + users.size());
        assertThat(lines.get(0)).isEqualTo("id,userPrincipalName");
        assertThat(lines.get(2500))
                .isEqualTo(users.get(2499).id() + "," + users.get(2499).userPrincipalName());
    }

    /** tsv, list, json with --query, and a throttled call that is retried after Retry-After. */
    @Test
    void formatsQueryAndThrottling() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result tsv = shell.run(connect, "get /users --top 3 --select displayName,mail --output tsv");
        assertThat(tsv.out().lines().toList()).hasSize(4).first().isEqualTo("displayName\tmail");
        ShellProcess.Result query = shell.run(
                connect,
                "get /groups --filter \"startswith(displayName,'IT')\" --query \"[].displayName\" --output json");
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(JsonParser.parseString(query.out()).getAsJsonArray())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name.getAsString()).startsWith("IT"));
        emulator.setThrottling(Throttling.firstRequestPerPath(2));
        try {
            ShellProcess.Result throttled = shell.run(connect, "get /organization --output list");
            assertThat(throttled.exitCode()).as(throttled.err()).isZero();
            assertThat(throttled.err()).contains("Graph answered 429 (throttled); retrying in 2 s");
            assertThat(throttled.out()).containsPattern("displayName\\s+: Contoso Demo");
            List<RecordedRequest> calls = emulator.requests().stream()
                    .filter(r -> r.server().equals("graph") && r.pathAndQuery().equals("/v1.0/organization"))
                    .toList();
            RecordedRequest refused = calls.get(calls.size() - 2);
            RecordedRequest retried = calls.get(calls.size() - 1);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(retried.status()).isEqualTo(200);
            assertThat(Duration.between(refused.time(), retried.time()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        } finally {
            emulator.setThrottling(Throttling.off());
        }
    }
}

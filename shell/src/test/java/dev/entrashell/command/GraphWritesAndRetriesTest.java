package dev.entrashell.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.FakeTime;
import dev.entrashell.TestShell;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.Throttling;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.faults.GraphFaults;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.http.ResponseFault;
import dev.entrashell.errors.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes, advanced queries and throttling, through the shell's commands against the emulator. */
class GraphWritesAndRetriesTest {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static String writerId;
    private static final String WRITER_SECRET = "writer-secret-" + UUID.randomUUID();
    /** The emulator's clock and the shell's: a Retry-After wait moves it, and the emulator sees the wait. */
    private static final FakeTime time = new FakeTime();

    @TempDir
    Path home;

    private TestShell shell;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults().withClock(time));
        demo = emulator.demo();
        writerId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                writerId,
                                "Directory Writer",
                                List.of(),
                                List.of(WRITER_SECRET),
                                Set.of("User.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All")));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void connect() throws Exception {
        emulator.setThrottling(Throttling.off());
        shell = TestShell.against(emulator, home, time);
        assertThat(shell.run(connect(""))).as(shell.err()).isZero();
    }

    private String connect(String options) throws IOException {
        Path secret = Files.writeString(home.resolve("secret.txt"), WRITER_SECRET);
        return "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + writerId
                + " --secret-file " + secret + " --no-welcome" + options;
    }

    /** post creates, patch changes, delete removes; each answer is what Graph sent. */
    @Test
    void createChangeDelete() throws Exception {
        Path body = Files.writeString(
                home.resolve("group.json"),
                "{\"displayName\":\"Shell Test Group\",\"mailNickname\":\"shelltest\",\"mailEnabled\":false,\"securityEnabled\":true}");
        assertThat(shell.run("post /groups --body @" + body + " --output json"))
                .as(shell.err())
                .isZero();
        JsonObject created = JsonParser.parseString(shell.out()).getAsJsonObject();
        String id = created.get("id").getAsString();
        assertThat(created.get("displayName").getAsString()).isEqualTo("Shell Test Group");
        shell.clear();
        assertThat(shell.run("patch /groups/" + id + " --body '{\"description\": \"changed by the shell\"}'"))
                .as(shell.err())
                .isZero();
        assertThat(shell.run("get /groups/" + id + " --select description --query description"))
                .isZero();
        assertThat(shell.out()).contains("changed by the shell");
        String user = emulator.directory().users(demo.tenantId()).all().get(3).id();
        shell.clear();
        assertThat(shell.run(
                        "post /groups/" + id
                                + "/members/$ref --body '{\"@odata.id\": \"https://graph.microsoft.com/v1.0/directoryObjects/"
                                + user + "\"}'",
                        "get /groups/" + id + "/members --select id --query '[].id' --output tsv"))
                .as(shell.err())
                .isZero();
        assertThat(shell.out().strip()).isEqualTo(user);
        shell.clear();
        assertThat(shell.run("delete /groups/" + id)).isZero();
        assertThat(shell.run("get /groups/" + id)).isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err()).contains("404 Request_ResourceNotFound");
    }

    /** --filter, --orderby, --count and --search reach Graph encoded; ConsistencyLevel goes with every page. */
    @Test
    void advancedQueries() {
        assertThat(
                        shell.run(
                                "get /users --all --top 50 --filter \"startswith(displayName,'A')\" --select displayName --output json"))
                .as(shell.err())
                .isZero();
        JsonArray filtered = JsonParser.parseString(shell.out()).getAsJsonArray();
        assertThat(filtered).isNotEmpty().allSatisfy(u -> assertThat(
                        u.getAsJsonObject().get("displayName").getAsString())
                .startsWith("A"));
        shell.clear();
        int before = emulator.requests().size();
        assertThat(
                        shell.run(
                                "get /users --all --top 5 --search \"displayName:a\" --count --select displayName --output json"))
                .as(shell.err())
                .isZero();
        JsonArray searched = JsonParser.parseString(shell.out()).getAsJsonArray();
        // The total is a note on stderr, in every format; the data is the items.
        Matcher total =
                Pattern.compile("([\\d,]+) items in all \\(@odata.count\\)\\.").matcher(shell.err());
        assertThat(total.find()).as(shell.err()).isTrue();
        assertThat(searched).hasSize(Integer.parseInt(total.group(1).replace(",", "")));
        List<RecordedRequest> pages = emulator
                .requests()
                .subList(before, emulator.requests().size())
                .stream()
                .filter(r -> r.server().equals("graph"))
                .toList();
        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(r -> assertThat(header(r, "ConsistencyLevel"))
                .isEqualTo("eventual"));
        shell.clear();
        assertThat(
                        shell.run(
                                "get /users --top 5 --orderby displayName --select displayName --query '[].displayName' --output tsv"))
                .isZero();
        List<String> names = shell.out().lines().toList();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    /**
     * A throttled request waits for Retry-After, says so, and succeeds; the emulator, on the same clock,
     * saw the wait (it throttles again a request sent before Retry-After has passed).
     */
    @Test
    void throttlingIsRetriedAfterRetryAfter() {
        emulator.setThrottling(Throttling.firstRequestPerPath(2));
        int before = emulator.requests().size();
        int sleepsBefore = time.sleeps().size();
        assertThat(shell.run("get /organization --output json")).as(shell.err()).isZero();
        assertThat(shell.err()).contains("Graph answered 429 (throttled); retrying in 2 s (retry 1 of 4)");
        assertThat(shell.out()).contains("Contoso Demo");
        List<RecordedRequest> calls = emulator
                .requests()
                .subList(before, emulator.requests().size())
                .stream()
                .filter(r -> r.server().equals("graph"))
                .toList();
        assertThat(calls).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(calls.get(0).time(), calls.get(1).time()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(time.sleeps().subList(sleepsBefore, time.sleeps().size())).containsExactly(Duration.ofSeconds(2));
        emulator.setThrottling(Throttling.serviceUnavailableOncePerPath(1));
        shell.clear();
        assertThat(shell.run("get /users/"
                        + emulator.directory()
                                .users(demo.tenantId())
                                .all()
                                .get(0)
                                .id() + " --output none"))
                .isZero();
        assertThat(shell.err()).contains("Graph answered 503; retrying in 1 s");
    }

    /** Retry-After 2 s and a 3 s deadline: the first wait fits, the second would end past it, so it is not begun. */
    @Test
    void retriesStopAtTheDeadline() throws IOException {
        assertThat(shell.run(connect(" --timeout 3"))).as(shell.err()).isZero();
        emulator.setGraphFault(GraphFaults.storm(503, 2));
        try {
            int before = emulator.requests().size();
            int sleepsBefore = time.sleeps().size();

            assertThat(shell.run("get /users --top 1")).isEqualTo(1);

            assertThat(emulator.requests().subList(before, emulator.requests().size()))
                    .filteredOn(r -> r.server().equals("graph"))
                    .hasSize(2);
            assertThat(time.sleeps().subList(sleepsBefore, time.sleeps().size()))
                    .containsExactly(Duration.ofSeconds(2));
            assertThat(shell.err())
                    .contains("retrying in 2 s (retry 1 of 4)")
                    .contains("asks to wait 2 s, past this call's deadline of 3 s (connect --timeout); not retrying")
                    .contains("ServiceUnavailable");
        } finally {
            emulator.setGraphFault(ResponseFault.NONE);
        }
    }

    private static String header(RecordedRequest request, String name) {
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}

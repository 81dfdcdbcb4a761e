package dev.entrashell.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import dev.entrashell.TestShell;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.errors.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

/** The Graph request commands against the emulator: paging, formats parsed back, queries, files, refusals. */
@EmulatorTest(users = 1234)
class GraphCommandsTest {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static List<User> users;

    @TempDir
    Path home;

    private TestShell shell;

    @BeforeAll
    static void start() {
        demo = emulator.demo();
        users = emulator.directory().users(demo.tenantId()).all();
    }

    @BeforeEach
    void connect() throws Exception {
        shell = TestShell.against(emulator, home);
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                        + demo.clientId() + " --secret-file " + secret + " --no-welcome"))
                .as(shell.err())
                .isZero();
    }

    @Test
    void everyVerbsHelpStatesTheDeadlineAndTheOneOrigin() {
        for (String verb : new String[] {"get", "post", "put", "patch", "delete"}) {
            shell.clear();
            assertThat(shell.run("help " + verb)).isZero();
            assertThat(shell.out().replaceAll("\\s+", " "))
                    .as(verb)
                    .contains("deadline, retries and waits included: connect --timeout SECONDS, default 100")
                    .contains("a next-page link or a redirect elsewhere is refused");
        }
    }

    /** --all pages to the end: every user once, in Graph's order, with the requested page size. */
    @Test
    void allPagesAsJson() {
        int before = graphRequests();
        assertThat(shell.run("get /users --all --top 100 --select id,displayName --output json"))
                .as(shell.err())
                .isZero();
        JsonArray result = JsonParser.parseString(shell.out()).getAsJsonArray();
        List<String> ids = new ArrayList<>();
        result.forEach(u -> ids.add(u.getAsJsonObject().get("id").getAsString()));
        assertThat(ids).containsExactlyElementsOf(users.stream().map(User::id).toList());
        assertThat(graphRequests() - before).isEqualTo(13); // 1234 users, 100 a page
    }

    /** CSV parses back to the emulator's data: a header, the selected columns, RFC 4180 quoting. */
    @Test
    void csvParsesBack() throws Exception {
        Path file = home.resolve("users.csv");
        assertThat(shell.run(
                        "get /users --all --top 999 --select id,displayName,userPrincipalName,businessPhones --output csv --out "
                                + file))
                .as(shell.err())
                .isZero();
        assertThat(shell.err()).contains("Wrote 1,234 items to " + file);
        List<List<String>> rows = Csv.parse(Files.readString(file));
        assertThat(rows.get(0)).containsExactly("id", "displayName", "userPrincipalName", "businessPhones");
        assertThat(rows).hasSize(1 + users.size());
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            assertThat(rows.get(i + 1))
                    .containsExactly(
                            user.id(),
                            user.displayName(),
                            user.userPrincipalName(),
                            String.join(", ", user.businessPhones()));
        }
        assertThat(shell.run("get /users --output csv --out " + file)).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("exists; add --force");
        assertThat(shell.run("get /users --top 3 --output tsv --select id,displayName --out " + file + " --force"))
                .isZero();
        assertThat(Files.readAllLines(file)).hasSize(4).first().isEqualTo("id\tdisplayName");
    }

    /** --query applies JMESPath to the items before formatting. */
    @Test
    void queryBeforeFormatting() {
        assertThat(shell.run("get /users --top 5 --query \"[].displayName\" --output tsv"))
                .as(shell.err())
                .isZero();
        assertThat(shell.out().lines().toList())
                .containsExactlyElementsOf(
                        users.subList(0, 5).stream().map(User::displayName).toList());
        shell.clear();
        assertThat(shell.run(
                        "get /users --all --select id,userType --query \"length([?userType=='Guest'])\" --output json"))
                .isZero();
        long guests = users.stream().filter(u -> "Guest".equals(u.userType())).count();
        assertThat(shell.out().strip()).isEqualTo(Long.toString(guests));
        shell.clear();
        assertThat(shell.run("get /users --query '[.bad'")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err()).contains("is not a JMESPath expression");
    }

    /** raw prints the body as received; none prints nothing; list shows one object. */
    @Test
    void rawNoneAndList() {
        assertThat(shell.run("get /organization --output raw")).isZero();
        assertThat(shell.out()).startsWith("{").contains("\"@odata.context\"").contains("Contoso Demo");
        shell.clear();
        assertThat(shell.run("get /users --output none")).isZero();
        assertThat(shell.out()).isEmpty();
        shell.clear();
        assertThat(shell.run("get /users/" + users.get(7).id() + " --output list"))
                .isZero();
        assertThat(shell.out())
                .containsPattern("userPrincipalName\\s+: " + users.get(7).userPrincipalName());
    }

    /** Bad bodies and headers are refused before anything is sent; absolute URLs elsewhere are refused. */
    @Test
    void refusedBeforeSending() throws Exception {
        int before = graphRequests();
        assertThat(shell.run("post /groups --body '{\"displayName\": \"x\",}'")).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err())
                .contains("--body is not valid JSON: at line 1, column 21, a comma stands before '}'")
                .contains("Nothing was sent")
                .contains("--body @FILE")
                .doesNotContain("setStrictness");
        Path body = Files.writeString(home.resolve("body.json"), "{\"a\": [1, 2}");
        shell.clear();
        assertThat(shell.run("patch /users/x --body @" + body)).isEqualTo(ExitCode.USAGE);
        assertThat(shell.err())
                .contains("--body @" + body + " is not valid JSON: at line 1, column 12, a ',' or ']' is missing")
                .contains("correct the file");
        shell.clear();
        assertThat(shell.run("get /users --header 'Authorization: Bearer x'")).isEqualTo(ExitCode.USAGE);
        try (Emulator other = Emulator.start(EmulatorOptions.defaults().withUserCount(1))) {
            shell.clear();
            assertThat(shell.run("get " + other.graphEndpoint() + "/v1.0/users"))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(shell.err()).contains("Refusing to send the token");
            assertThat(other.requests()).isEmpty();
        }
        assertThat(graphRequests()).isEqualTo(before);
    }

    /** A 403 names the roles that would allow the call and the roles the token has. */
    @Test
    void forbiddenNamesTheRoles() throws Exception {
        String clientId = UUID.randomUUID().toString();
        String secret = "groups-only-secret-" + UUID.randomUUID();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                clientId, "Groups Only", List.of(), List.of(secret), Set.of("Group.Read.All")));
        Path file = Files.writeString(home.resolve("groups-secret.txt"), secret);
        assertThat(shell.run(
                        "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + clientId
                                + " --secret-file " + file + " --no-welcome",
                        "get /users"))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(shell.err().strip().lines()).hasSize(1);
        assertThat(shell.err())
                .contains("Graph error 403 Authorization_RequestDenied on GET /v1.0/users")
                // Microsoft's permission metadata for GET /users, least privileged first
                .contains("This call needs one of the application roles: User.ReadBasic.All, "
                        + "DeviceManagementApps.Read.All, DeviceManagementManagedDevices.Read.All, "
                        + "DeviceManagementServiceConfig.Read.All, Directory.Read.All, User.Read.All, "
                        + "AgentIdUser.ReadWrite.All, AgentIdUser.ReadWrite.IdentityParentedBy, "
                        + "DeviceManagementApps.ReadWrite.All, DeviceManagementConfiguration.ReadWrite.All, "
                        + "DeviceManagementManagedDevices.ReadWrite.All, DeviceManagementServiceConfig.ReadWrite.All, "
                        + "User.ReadWrite.CrossCloud, User.ReadWrite.All, DeviceManagementConfiguration.Read.All, "
                        + "Directory.ReadWrite.All.")
                .contains("The token's roles: Group.Read.All.");
    }

    private static int graphRequests() {
        return (int) emulator.requests().stream()
                .filter(r -> r.server().equals("graph"))
                .count();
    }

    /** RFC 4180, enough to read back what the shell writes. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r') {
                    continue;
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            return rows;
        }
    }
}

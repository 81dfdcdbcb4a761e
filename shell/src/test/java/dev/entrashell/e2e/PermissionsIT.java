package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code permissions} and the hint on a 403 through the built jar: both name the roles of Microsoft's
 * permission metadata for a user's memberOf, least privileged first, and agree with the emulator's 403.
 */
@EmulatorTest(users = 20)
class PermissionsIT {
    /** Microsoft's permission metadata for GET /users/{id}/memberOf, least privileged first. */
    private static final List<String> MEMBER_OF_ROLES = List.of(
            "Directory.Read.All", "Group.ReadBasic.All", "GroupMember.ReadBasic.All", "Directory.ReadWrite.All");

    private static Emulator emulator;
    private static DemoTenant demo;
    private static String connect;
    private static String someone;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        String clientId = UUID.randomUUID().toString();
        String secret = "groups-only-" + UUID.randomUUID();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                clientId, "Groups Only", List.of(), List.of(secret), Set.of("Group.Read.All")));
        someone = emulator.directory().objects(demo.tenantId()).users().get(0).id();
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secretFile = Files.writeString(home.resolve("secret.txt"), secret);
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + clientId
                + " --secret-file " + secretFile + " --no-welcome";
    }

    @Test
    void namesTheRolesOfARealPathOfflineLeastPrivilegedFirst() throws Exception {
        int before = emulator.requests().size();
        ShellProcess.Result result =
                new ShellProcess(home).run("permissions /users/" + someone + "/memberOf --output json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        List<JsonObject> rows = rows(result.out());
        assertThat(rows).extracting(row -> row.get("Role").getAsString()).containsExactlyElementsOf(MEMBER_OF_ROLES);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("Method").getAsString()).isEqualTo("GET");
            assertThat(row.get("Path").getAsString()).isEqualTo("/v1.0/users/{id}/memberOf");
            assertThat(row.has("Held")).as("not connected: nothing to hold").isFalse();
        });
        assertThat(emulator.requests()).as("offline").hasSize(before);
    }

    @Test
    void searchFindsPathsBeyondTheDirectory() throws Exception {
        ShellProcess.Result result =
                new ShellProcess(home).run("permissions --search riskyUsers --api beta --output json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(rows(result.out())).anySatisfy(row -> {
            assertThat(row.get("Path").getAsString()).isEqualTo("/beta/identityProtection/riskyUsers");
            assertThat(row.get("Method").getAsString()).isEqualTo("GET");
            assertThat(row.get("LeastPrivileged").getAsString()).isEqualTo("IdentityRiskyUser.Read.All");
        });
    }

    @Test
    void anUnknownPathOrMethodIsOneClearLine() throws Exception {
        ShellProcess.Result unknown = new ShellProcess(home).run("permissions /widgets/42");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err())
                .contains("/widgets/42 is not in Microsoft's Graph permission metadata")
                .contains("permissions --search");

        ShellProcess.Result method = new ShellProcess(home).run("permissions /users/{id}/memberOf --method DELETE");
        assertThat(method.exitCode()).isEqualTo(1);
        assertThat(method.err().strip())
                .isEqualTo("DELETE /users/{id}/memberOf is not in Microsoft's Graph permission metadata: it lists GET"
                        + " for this path.");
    }

    @Test
    void theHintOnA403NamesTheSameRolesAndTheTokenHoldsNone() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result forbidden = shell.run(connect, "get /users/" + someone + "/memberOf");

        assertThat(forbidden.exitCode()).isEqualTo(1);
        assertThat(forbidden.err())
                .contains("Graph error 403 Authorization_RequestDenied on GET /v1.0/users/" + someone + "/memberOf")
                .contains("This call needs one of the application roles: " + String.join(", ", MEMBER_OF_ROLES) + ".")
                .contains("The token's roles: Group.Read.All.");

        ShellProcess.Result held = shell.run(connect, "permissions /users/" + someone + "/memberOf --output json");
        assertThat(held.exitCode()).as(held.err()).isZero();
        assertThat(rows(held.out()))
                .extracting(row ->
                        row.get("Role").getAsString() + "=" + row.get("Held").getAsBoolean())
                .containsExactly(
                        "Directory.Read.All=false",
                        "Group.ReadBasic.All=false",
                        "GroupMember.ReadBasic.All=false",
                        "Directory.ReadWrite.All=false");
        assertThat(held.err()).contains("The current token holds none of these roles");

        ShellProcess.Result transitive =
                shell.run(connect, "permissions /users/" + someone + "/transitiveMemberOf -o json");
        assertThat(rows(transitive.out())).anySatisfy(row -> {
            assertThat(row.get("Role").getAsString()).isEqualTo("Group.Read.All");
            assertThat(row.get("Held").getAsBoolean()).isTrue();
        });
        assertThat(shell.run(connect, "get /users/" + someone + "/transitiveMemberOf")
                        .exitCode())
                .as("the emulator agrees: Group.Read.All reads transitiveMemberOf")
                .isZero();
    }

    /** Start-up does not pay for the map: neither the shell nor the demo's emulator reads it before it is asked. */
    @Test
    void theMapIsReadOnlyWhenAsked() throws Exception {
        ShellProcess shell = new ShellProcess(home).env("JAVA_TOOL_OPTIONS", "-verbose:class");
        ShellProcess.Result started = shell.runWithInput("", "--demo", "-c", "environment list --output table");
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out())
                .contains("[class,load] dev.entrashell.emulator.graph.GraphRouter ")
                .doesNotContain("GraphPermissions$Table")
                .doesNotContain("GraphPermissionMap$Table");

        ShellProcess.Result asked = shell.run("permissions /auditLogs/signIns");
        assertThat(asked.out()).contains("[class,load] dev.entrashell.graph.GraphPermissionMap$Table ");
    }

    private static List<JsonObject> rows(String json) {
        JsonArray array = JsonParser.parseString(json).getAsJsonArray();
        return array.asList().stream().map(JsonElement::getAsJsonObject).toList();
    }
}

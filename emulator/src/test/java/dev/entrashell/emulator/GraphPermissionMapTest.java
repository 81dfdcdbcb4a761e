package dev.entrashell.emulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.testing.EmulatorTest;

import static dev.entrashell.emulator.GraphCalls.error;
import static dev.entrashell.emulator.GraphCalls.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 403s by role as Microsoft's permission metadata has them (graph-permissions/graph-permissions.tsv),
 * over real HTTPS with tokens from the emulator's token endpoint.
 */
@EmulatorTest
class GraphPermissionMapTest {
    private static Emulator emulator;
    private static TestClient client;
    private static String someone;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient(emulator.caCertificate());
        TenantObjects objects = emulator.directory().objects(emulator.demo().tenantId());
        someone = objects.users().stream()
                .filter(user -> !objects.memberOf(user.id()).isEmpty())
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void memberOfNeedsADirectoryClassRoleNotGroupReadAll() {
        GraphCalls groupReader = GraphCalls.withRoles(emulator, client, "Group.Read.All");
        error(groupReader.get("users/" + someone + "/memberOf"), 403, "Authorization_RequestDenied");
        error(
                groupReader.get("users/" + someone + "/memberOf/microsoft.graph.group"),
                403,
                "Authorization_RequestDenied");

        GraphCalls basic = GraphCalls.withRoles(emulator, client, "GroupMember.ReadBasic.All");
        assertThat(basic.get("users/" + someone + "/memberOf").statusCode()).isEqualTo(200);
        GraphCalls directory = GraphCalls.withRoles(emulator, client, "Directory.Read.All");
        assertThat(strings(directory.values("users/" + someone + "/memberOf"), "id"))
                .isNotEmpty();
    }

    @Test
    void transitiveMemberOfIsAllowedWithUserReadAll() {
        GraphCalls userReader = GraphCalls.withRoles(emulator, client, "User.Read.All");
        assertThat(strings(userReader.values("users/" + someone + "/transitiveMemberOf"), "id"))
                .isNotEmpty();
    }

    @Test
    void endpointsBeyondTheOldTableFollowTheMap() {
        // Organization.Read.All is not the only way in: the metadata also lets User.Read.All read /organization
        GraphCalls userReader = GraphCalls.withRoles(emulator, client, "User.Read.All");
        assertThat(userReader.get("organization").statusCode()).isEqualTo(200);
        GraphCalls groupReader = GraphCalls.withRoles(emulator, client, "Group.Read.All");
        error(groupReader.get("organization"), 403, "Authorization_RequestDenied");
    }
}

package dev.entrashell.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading Microsoft's permission map and matching real paths to its templates. */
class GraphPermissionMapTest {
    private final GraphPermissionMap map = GraphPermissionMap.load();

    @Test
    void memberOfNeedsWhatMicrosoftsReferenceNamesLeastPrivilegedFirst() {
        assertThat(map.rolesFor("GET", "/users/{id}/memberOf"))
                .hasValue(java.util.List.of(
                        "Directory.Read.All",
                        "Group.ReadBasic.All",
                        "GroupMember.ReadBasic.All",
                        "Directory.ReadWrite.All"));
        assertThat(map.rolesFor("GET", "/users/{id}/transitiveMemberOf").orElseThrow())
                .startsWith("User.Read.All")
                .contains("Group.Read.All", "Directory.ReadWrite.All");
    }

    @Test
    void realIdsVersionsUrlsAndCaseMatchTheTemplate() {
        String template = "/users/{id}/memberOf";
        assertThat(map.endpointFor("/users/1f0e6a52-9c1a-4c7b-8f00-5d2e3b4a1c9d/memberOf"))
                .hasValueSatisfying(e -> assertThat(e.template()).isEqualTo(template));
        assertThat(map.endpointFor("/v1.0/USERS/adele@contoso.com/MEMBEROF?$select=id"))
                .hasValueSatisfying(e -> assertThat(e.template()).isEqualTo(template));
        assertThat(map.endpointFor("https://graph.microsoft.com/beta/users('adele')/memberOf"))
                .hasValueSatisfying(e -> assertThat(e.template()).isEqualTo(template));
        assertThat(map.endpointFor("/applications(appId='3fa1')"))
                .hasValueSatisfying(e -> assertThat(e.template()).isEqualTo("/applications(appid={value})"));
    }

    @Test
    void literalSegmentsWinOverIds() {
        assertThat(map.endpointFor("/users/delta"))
                .hasValueSatisfying(e -> assertThat(e.template()).isEqualTo("/users/delta"));
        assertThat(map.endpointFor("/users/delta-user"))
                .hasValueSatisfying(e -> assertThat(e.template()).isEqualTo("/users/{id}"));
    }

    @Test
    void countRefAndCastsNeedWhatTheirPathNeeds() {
        assertThat(map.endpointFor("/users/$count").orElseThrow().rolesByMethod())
                .containsOnlyKeys("GET")
                .containsEntry("GET", map.rolesFor("GET", "/users").orElseThrow());
        assertThat(map.rolesFor("POST", "/groups/0f3a/members/$ref"))
                .hasValue(java.util.List.of(
                        "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"));
        assertThat(map.rolesFor("GET", "/users/x/memberOf/microsoft.graph.group"))
                .isEqualTo(map.rolesFor("GET", "/users/x/memberOf"));
    }

    @Test
    void unknownPathsAndMethodsAreNotGuessed() {
        assertThat(map.endpointFor("/widgets/1")).isEmpty();
        assertThat(map.rolesFor("DELETE", "/users/x/memberOf")).isEmpty();
        assertThat(map.endpointFor("/me"))
                .as("delegated only: no application role")
                .isEmpty();
    }

    @Test
    void searchFindsPathsAndRoles() {
        assertThat(map.search("riskyusers"))
                .anySatisfy(e -> assertThat(e.template()).isEqualTo("/identityProtection/riskyUsers"));
        assertThat(map.search("AuditLog.Read.All"))
                .anySatisfy(e -> assertThat(e.template()).isEqualTo("/auditLogs/signIns"));
        assertThat(map.search("no-such-word-anywhere")).isEmpty();
    }
}

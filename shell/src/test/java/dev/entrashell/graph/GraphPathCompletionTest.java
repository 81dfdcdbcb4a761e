package dev.entrashell.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph paths complete one segment at a time, with the user's own ids kept, over Microsoft's whole map. */
class GraphPathCompletionTest {
    private final GraphPathCompletion completion =
            new GraphPathCompletion(GraphPermissionMap.load().pathsFor("GET"));

    private List<String> paths(String typed) {
        return completion.complete(typed).stream()
                .map(GraphPathCompletion.Candidate::path)
                .toList();
    }

    @Test
    void topLevelCollections() {
        assertThat(paths("/"))
                .contains("/users", "/groups", "/servicePrincipals", "/auditLogs", "/identityProtection", "/security");
        assertThat(paths("")).contains("/users", "/organization");
        assertThat(paths("/se")).contains("/servicePrincipals", "/security").doesNotContain("/users");
        assertThat(paths("/GR")).as("case does not matter while typing").contains("/groups");
    }

    @Test
    void pathsBeyondTheDirectoryCompleteWithTheRoleTheyNeed() {
        assertThat(completion.complete("/auditLogs/sign"))
                .contains(new GraphPathCompletion.Candidate("/auditLogs/signIns", false, "AuditLog.Read.All"));
        assertThat(completion.complete("/identityProtection/riskyU"))
                .containsExactly(new GraphPathCompletion.Candidate(
                        "/identityProtection/riskyUsers", false, "IdentityRiskyUser.Read.All"));
        assertThat(completion.complete("/users/x/memberO"))
                .containsExactly(new GraphPathCompletion.Candidate("/users/x/memberOf", false, "Directory.Read.All"));
    }

    @Test
    void theUsersIdStaysAndTheNextSegmentIsOffered() {
        assertThat(paths("/users/adele@contoso.com/m"))
                .contains("/users/adele@contoso.com/manager", "/users/adele@contoso.com/memberOf")
                .allSatisfy(path -> assertThat(path).startsWith("/users/adele@contoso.com/m"));
        assertThat(paths("/groups/0f3a/"))
                .contains("/groups/0f3a/members", "/groups/0f3a/transitiveMembers", "/groups/0f3a/owners");
    }

    @Test
    void idsAreNeverGuessedAndDollarSegmentsAreNotIds() {
        assertThat(paths("/users/")).contains("/users/delta").noneMatch(path -> path.contains("{"));
        assertThat(paths("/users/$count/")).isEmpty();
    }

    @Test
    void aPathThatGoesOnIsNotFinished() {
        assertThat(completion.complete("/users"))
                .contains(new GraphPathCompletion.Candidate("/users", false, "User.ReadBasic.All"));
        assertThat(completion.complete("/users/x/man"))
                .containsExactly(new GraphPathCompletion.Candidate("/users/x/manager", true, "User.Read.All"));
    }

    @Test
    void urlsAndUnknownPathsOfferNothing() {
        assertThat(paths("https://graph.microsoft.com/v1.0/us")).isEmpty();
        assertThat(paths("/nothing/")).isEmpty();
    }

    @Test
    void theMapKnowsEndpointsByMethod() {
        GraphPermissionMap map = GraphPermissionMap.load();
        assertThat(map.pathsFor("POST")).containsKey("/groups/{id}/members").doesNotContainKey("/users/{id}/manager");
        assertThat(map.pathsFor("get")).containsEntry("/users/{id}/manager", "User.Read.All");
        assertThat(map.pathsFor("GET").size()).isGreaterThan(3000);
    }
}

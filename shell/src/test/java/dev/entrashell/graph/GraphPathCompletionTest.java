package dev.entrashell.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph paths complete one segment at a time, with the user's own ids kept. */
class GraphPathCompletionTest {
    private final GraphPathCompletion completion =
            new GraphPathCompletion(GraphPermissionHints.load().pathsFor("GET"));

    private List<String> paths(String typed) {
        return completion.complete(typed).stream()
                .map(GraphPathCompletion.Candidate::path)
                .toList();
    }

    @Test
    void topLevelCollections() {
        assertThat(paths("/")).contains("/users", "/groups", "/servicePrincipals", "/auditLogs");
        assertThat(paths("")).contains("/users", "/organization");
        assertThat(paths("/se")).containsExactly("/servicePrincipals");
        assertThat(paths("/GR")).as("case does not matter while typing").containsExactly("/groups");
    }

    @Test
    void theUsersIdStaysAndTheNextSegmentIsOffered() {
        assertThat(paths("/users/adele@contoso.com/m"))
                .containsExactlyInAnyOrder("/users/adele@contoso.com/manager", "/users/adele@contoso.com/memberOf");
        assertThat(paths("/groups/0f3a/"))
                .containsExactlyInAnyOrder(
                        "/groups/0f3a/members", "/groups/0f3a/transitiveMembers", "/groups/0f3a/owners");
    }

    @Test
    void idsAreNeverGuessedAndDollarSegmentsAreNotIds() {
        assertThat(paths("/users/")).containsExactly("/users/$count");
        assertThat(paths("/users/$count/")).isEmpty();
    }

    @Test
    void aPathThatGoesOnIsNotFinished() {
        List<GraphPathCompletion.Candidate> users = completion.complete("/us");
        assertThat(users).containsExactly(new GraphPathCompletion.Candidate("/users", false));
        assertThat(completion.complete("/users/x/man"))
                .containsExactly(new GraphPathCompletion.Candidate("/users/x/manager", true));
    }

    @Test
    void urlsAndUnknownPathsOfferNothing() {
        assertThat(paths("https://graph.microsoft.com/v1.0/us")).isEmpty();
        assertThat(paths("/nothing/")).isEmpty();
    }

    @Test
    void theTableKnowsEndpointsByMethod() {
        GraphPermissionHints table = GraphPermissionHints.load();
        assertThat(table.pathsFor("POST")).contains("/groups/{id}/members/$ref");
        assertThat(table.pathsFor("get")).contains("/users/{id}/manager").doesNotContain("/groups/{id}/members/$ref");
    }
}

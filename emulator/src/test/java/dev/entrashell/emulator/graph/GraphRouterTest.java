package dev.entrashell.emulator.graph;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.graph.error.GraphException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphRouterTest {
    private static final GraphRouter.Handler NOTHING = request -> null;

    @Test
    void matchesLiteralSegmentsIgnoringCaseAndBindsVariables() throws Exception {
        GraphRouter router = new GraphRouter().get("/users", NOTHING).get("/users/{id}", NOTHING);

        GraphRouter.Match match = router.resolve("GET", List.of("Users", "adele@contoso.com"));

        assertThat(match.route().pattern()).isEqualTo("/users/{id}");
        assertThat(match.pathParameters()).containsEntry("id", "adele@contoso.com");
        assertThat(router.resolve("GET", List.of("USERS")).route().pattern()).isEqualTo("/users");
    }

    @Test
    void namesTheFirstUnknownSegment() {
        GraphRouter router = new GraphRouter().get("/users", NOTHING).get("/users/{id}", NOTHING);

        assertThatThrownBy(() -> router.resolve("GET", List.of("groups")))
                .isInstanceOf(GraphException.class)
                .hasMessage("Resource not found for the segment 'groups'.");
        assertThatThrownBy(() -> router.resolve("GET", List.of("users", "x", "manager")))
                .hasMessage("Resource not found for the segment 'manager'.");
    }

    @Test
    void answers405WithAllowForAKnownPathAndAnotherMethod() {
        GraphRouter router = new GraphRouter().get("/organization", NOTHING);

        assertThatThrownBy(() -> router.resolve("PATCH", List.of("organization")))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(405);
                    assertThat(e.headers()).containsEntry("Allow", "GET");
                });
    }

    @Test
    void refusesToServeARouteWithoutAnEntryInThePermissionMap() {
        GraphRouter.Route widgets =
                new GraphRouter().get("/widgets", NOTHING).routes().get(0);
        assertThatThrownBy(() -> widgets.allows(Set.of("Directory.Read.All")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /widgets");
    }

    @Test
    void everyRouteTakesItsRolesFromMicrosoftsPermissionMap() {
        GraphServer server = new GraphServer(
                URI.create("https://127.0.0.1:1"),
                URI.create("https://127.0.0.1:2"),
                null,
                new Directory(),
                new Throttler(Clock.systemUTC()),
                Clock.systemUTC());
        Map<String, Set<String>> routed = new LinkedHashMap<>();
        server.router()
                .routes()
                .forEach(route -> routed.put(route.method() + " " + route.pattern(), route.allowedRoles()));

        assertThat(routed).allSatisfy((operation, roles) -> assertThat(roles)
                .as(operation)
                .allSatisfy(role -> assertThat(role).matches("[A-Za-z-]+(\\.[A-Za-z]+)+")));
        // as permissions.json has them (graph-permissions/README.md), least privileged first
        assertThat(routed.get("GET /users/{id}/memberOf"))
                .containsExactly(
                        "Directory.Read.All",
                        "Group.ReadBasic.All",
                        "GroupMember.ReadBasic.All",
                        "Directory.ReadWrite.All");
        assertThat(routed.get("GET /users/{id}/transitiveMemberOf")).contains("User.Read.All");
        assertThat(routed.get("GET /users/{id}/memberOf/{type}")).isEqualTo(routed.get("GET /users/{id}/memberOf"));
        assertThat(routed.get("GET /users/$count")).isEqualTo(routed.get("GET /users"));
        assertThat(routed.get("POST /groups/{id}/members/$ref"))
                .containsExactly("GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All");
        assertThat(routed.get("DELETE /groups/{id}/members/{memberId}/$ref")).contains("GroupMember.ReadWrite.All");
        assertThat(routed.get("POST /applications")).contains("Application.ReadWrite.All");
        assertThat(routed.get("POST /$batch")).isEmpty();
    }

    @Test
    void allowsCallersHoldingAnyAllowedRole() {
        GraphRouter.Route route =
                new GraphRouter().get("/users", NOTHING).routes().get(0);

        assertThat(route.allows(Set.of("Directory.Read.All"))).isTrue();
        assertThat(route.allows(Set.of("User.ReadBasic.All"))).isTrue();
        assertThat(route.allows(Set.of("Group.Read.All"))).isFalse();
        assertThat(route.allows(Set.of())).isFalse();
    }
}

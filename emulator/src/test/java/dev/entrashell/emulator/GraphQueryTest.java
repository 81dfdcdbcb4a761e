package dev.entrashell.emulator;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.testing.EmulatorTest;

import static dev.entrashell.emulator.GraphCalls.EVENTUAL;
import static dev.entrashell.emulator.GraphCalls.error;
import static dev.entrashell.emulator.GraphCalls.message;
import static dev.entrashell.emulator.GraphCalls.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * $filter, $orderby, $count, $search and paging, checked against the seeded directory: what works
 * by default, what needs ConsistencyLevel: eventual and $count=true, and what Graph refuses.
 */
@EmulatorTest
class GraphQueryTest {
    private static final String ADVANCED = "&$count=true";

    private static Emulator emulator;
    private static GraphCalls graph;
    private static List<User> users;
    private static List<Group> groups;

    @BeforeAll
    static void start() throws Exception {
        graph = GraphCalls.demo(emulator, new TestClient(emulator.caCertificate()));
        TenantObjects objects = emulator.directory().objects(emulator.demo().tenantId());
        users = objects.users();
        groups = objects.groups();
    }

    // ---- $filter ---------------------------------------------------------------------------------

    @Test
    void filtersWithEqIgnoringCaseOnStringsBooleansGuidsAndEnums() {
        assertThat(ids("users?$filter=userType eq 'guest'")).isEqualTo(expected(User::isGuest));
        assertThat(ids("users?$filter=accountEnabled eq false"))
                .isEqualTo(expected(u -> !u.accountEnabled()))
                .isNotEmpty();
        User one = users.get(42);
        assertThat(ids("users?$filter=id eq '" + one.id() + "'")).containsExactly(one.id());
        assertThat(ids("users?$filter=userPrincipalName eq '"
                        + one.userPrincipalName().toUpperCase() + "'"))
                .containsExactly(one.id());
        assertThat(ids("users?$filter=department eq 'Sales'")).isEqualTo(expected(u -> "Sales".equals(u.department())));
    }

    @Test
    void filtersWithStartsWithInAndOrAndParentheses() {
        assertThat(ids("users?$filter=startswith(displayName,'ad')"))
                .isEqualTo(expected(u -> u.displayName().toLowerCase().startsWith("ad")))
                .isNotEmpty();
        assertThat(ids("users?$filter=department in ('Sales','Legal')"))
                .isEqualTo(expected(u -> "Sales".equals(u.department()) || "Legal".equals(u.department())));
        assertThat(ids("users?$filter=(department eq 'Sales' or department eq 'Legal') and accountEnabled eq true"
                        + " and startsWith(givenName,'A')"))
                .isEqualTo(expected(u -> ("Sales".equals(u.department()) || "Legal".equals(u.department()))
                        && u.accountEnabled()
                        && u.givenName().startsWith("A")));
        assertThat(ids("users?$filter=userType eq 'Guest' or department eq 'IT'"))
                .isEqualTo(expected(u -> u.isGuest() || "IT".equals(u.department())));
        assertThat(ids("groups?$filter=groupTypes/any(c:c eq 'Unified')"))
                .isEqualTo(groups.stream()
                        .filter(Group::isMicrosoft365)
                        .map(Group::id)
                        .toList());
    }

    @Test
    void filtersDatesWithGeLeGtLt() {
        Instant cut = users.get(100).createdDateTime();
        String at = cut.toString();
        assertThat(ids("users?$filter=createdDateTime ge " + at))
                .isEqualTo(expected(u -> !u.createdDateTime().isBefore(cut)));
        assertThat(ids("users?$filter=createdDateTime lt " + at))
                .isEqualTo(expected(u -> u.createdDateTime().isBefore(cut)));
        assertThat(ids("users?$filter=createdDateTime gt " + at + " and createdDateTime le 2030-01-01"))
                .isEqualTo(expected(u -> u.createdDateTime().isAfter(cut)));
        assertThat(message(graph.get("users?$filter=createdDateTime ge '2021-01-01'"), 400, "BadRequest"))
                .isEqualTo("A binary operator with incompatible types was detected. Found operand types"
                        + " 'Edm.DateTimeOffset' and 'Edm.String' for operator kind 'GreaterThanOrEqual'.");
    }

    @Test
    void needsAdvancedQueriesForNeNotAndEndsWith() {
        assertThat(message(graph.get("users?$filter=userType ne 'Guest'"), 400, "Request_UnsupportedQuery"))
                .isEqualTo("Filter operator 'NotEqualsMatch' is not supported.");
        assertThat(message(graph.get("users?$filter=userType ne 'Guest'" + ADVANCED), 400, "Request_UnsupportedQuery"))
                .as("$count=true without the header")
                .isEqualTo("Filter operator 'NotEqualsMatch' is not supported.");
        error(graph.get("users?$filter=userType ne 'Guest'", EVENTUAL), 400, "Request_UnsupportedQuery");
        assertThat(ids("users?$filter=userType ne 'Guest'" + ADVANCED, EVENTUAL))
                .isEqualTo(expected(u -> !u.isGuest()));

        assertThat(message(
                        graph.get("users?$filter=endsWith(userPrincipalName,'#EXT#@contosodemo.onmicrosoft.com')"),
                        400,
                        "Request_UnsupportedQuery"))
                .startsWith("Operator 'endsWith' is not supported because the required parameters might be missing.");
        assertThat(ids(
                        "users?$filter=endsWith(userPrincipalName,'#EXT#@contosodemo.onmicrosoft.com')" + ADVANCED,
                        EVENTUAL))
                .isEqualTo(expected(User::isGuest));

        error(graph.get("users?$filter=not(accountEnabled eq true)"), 400, "Request_UnsupportedQuery");
        assertThat(ids("users?$filter=not(accountEnabled eq true)" + ADVANCED, EVENTUAL))
                .isEqualTo(expected(u -> !u.accountEnabled()));
        assertThat(ids("groups?$filter=not(groupTypes/any(c:c eq 'Unified'))" + ADVANCED, EVENTUAL))
                .isEqualTo(groups.stream()
                        .filter(g -> !g.isMicrosoft365())
                        .map(Group::id)
                        .toList());

        // a property whose filter exists only in advanced queries
        assertThat(message(
                        graph.get("users?$filter=mobilePhone eq '+1 206 555 0100'"), 400, "Request_UnsupportedQuery"))
                .isEqualTo("Unsupported or invalid query filter clause specified for property 'mobilePhone' of"
                        + " resource 'User'.");
        graph.ok("users?$filter=mobilePhone eq '+1 206 555 0100'" + ADVANCED, EVENTUAL);
    }

    @Test
    void refusesWhatGraphRefuses() {
        assertThat(message(graph.get("users?$filter=nope eq 'x'"), 400, "Request_BadRequest"))
                .isEqualTo("Could not find a property named 'nope' on type 'Microsoft.DirectoryServices.User'.");
        assertThat(message(graph.get("users?$filter=contains(displayName,'a')"), 400, "Request_UnsupportedQuery"))
                .isEqualTo("Unsupported property filter clause operator 'Contains'.");
        assertThat(message(
                        graph.get("users?$filter=jobTitle eq 'CFO' or startswith(jobTitle,'C')"),
                        400,
                        "Request_UnsupportedQuery"))
                .isEqualTo("Unsupported or invalid query filter clause specified for property 'jobTitle' of resource"
                        + " 'User'.");
        assertThat(message(
                        graph.get("groups?$filter=createdDateTime ge 2021-11-01" + ADVANCED, EVENTUAL),
                        400,
                        "Request_UnsupportedQuery"))
                .isEqualTo("Unsupported or invalid query filter clause specified for property 'createdDateTime' of"
                        + " resource 'Group'.");
        assertThat(message(graph.get("users?$filter=accountEnabled eq 'yes'"), 400, "BadRequest"))
                .contains("incompatible types");
        assertThat(message(graph.get("users?$filter=displayName eq"), 400, "BadRequest"))
                .isEqualTo("Invalid filter clause: Syntax error at position 14 in 'displayName eq'.");
        error(graph.get("users?$filter=(displayName eq 'a'"), 400, "BadRequest");
        error(graph.get("users?$filter=displayName has 'a'"), 400, "Request_UnsupportedQuery");
        error(graph.get("users/" + users.get(0).id() + "?$filter=userType eq 'Guest'"), 400, "BadRequest");
    }

    // ---- $orderby --------------------------------------------------------------------------------

    @Test
    void ordersByDisplayNameAndUserPrincipalNameByDefault() {
        List<String> names =
                strings(graph.all("users?$orderby=displayName&$select=displayName&$top=100", Map.of()), "displayName");
        assertThat(names).hasSize(users.size()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        List<String> descending =
                strings(graph.values("users?$orderby=displayName desc&$select=displayName&$top=10"), "displayName");
        assertThat(descending)
                .isEqualTo(users.stream()
                        .map(User::displayName)
                        .sorted(String.CASE_INSENSITIVE_ORDER.reversed())
                        .limit(10)
                        .toList());
        assertThat(strings(graph.values("users?$orderby=userPrincipalName&$top=999"), "userPrincipalName"))
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(strings(graph.values("groups?$orderby=displayName&$top=999"), "displayName"))
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void ordersByOtherPropertiesOnlyInAdvancedQueries() {
        assertThat(message(graph.get("users?$orderby=createdDateTime"), 400, "Request_UnsupportedQuery"))
                .isEqualTo("Sorting not supported for current query.");
        assertThat(message(graph.get("applications?$orderby=displayName"), 400, "Request_UnsupportedQuery"))
                .isEqualTo("Sorting not supported for current query.");
        assertThat(message(
                        graph.get("users?$filter=userType eq 'Guest'&$orderby=displayName"),
                        400,
                        "Request_UnsupportedQuery"))
                .isEqualTo("Sorting not supported for current query.");
        error(graph.get("users?$orderby=jobTitle" + ADVANCED, EVENTUAL), 400, "Request_UnsupportedQuery");

        List<JsonObject> newest =
                graph.values("users?$orderby=createdDateTime desc&$top=5&$select=createdDateTime" + ADVANCED, EVENTUAL);
        assertThat(strings(newest, "createdDateTime"))
                .isEqualTo(users.stream()
                        .map(User::createdDateTime)
                        .sorted(Comparator.reverseOrder())
                        .limit(5)
                        .map(Instant::toString)
                        .toList());
        List<String> guests = strings(
                graph.all(
                        "users?$filter=userType eq 'Guest'&$orderby=displayName&$top=3" + ADVANCED
                                + "&$select=displayName",
                        EVENTUAL),
                "displayName");
        assertThat(guests).hasSize(expected(User::isGuest).size()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    // ---- $count ----------------------------------------------------------------------------------

    @Test
    void countsOnlyWithConsistencyLevelEventual() {
        JsonObject withHeader = graph.ok("users?$count=true&$top=5", EVENTUAL);
        assertThat(withHeader.get("@odata.count").getAsInt()).isEqualTo(users.size());
        JsonObject withoutHeader = graph.ok("users?$count=true&$top=5");
        assertThat(withoutHeader.has("@odata.count")).isFalse();
        assertThat(withoutHeader.getAsJsonArray("value")).hasSize(5);

        JsonObject guests = graph.ok("users?$count=true&$filter=userType eq 'Guest'&$top=1", EVENTUAL);
        assertThat(guests.get("@odata.count").getAsInt())
                .isEqualTo(expected(User::isGuest).size());
        JsonObject second = graph.ok(guests.get("@odata.nextLink").getAsString(), EVENTUAL);
        assertThat(second.has("@odata.count")).as("only on the first page").isFalse();

        // Microsoft's documented answer for the $count segment without the header (see Listings.count)
        assertThat(message(graph.get("users/$count"), 400, "Request_BadRequest"))
                .isEqualTo("$count is not currently supported.");
        assertThat(graph.get("users/$count", EVENTUAL).body()).isEqualTo(Integer.toString(users.size()));
        assertThat(graph.get("users/$count?$filter=userType eq 'Guest'", EVENTUAL)
                        .body())
                .isEqualTo(Integer.toString(expected(User::isGuest).size()));
        assertThat(graph.get("groups/" + DemoSeed.PROJECT_FALCON_GROUP_ID + "/members/$count", EVENTUAL)
                        .body())
                .isEqualTo("10");
        error(graph.get("users?$count=maybe"), 400, "BadRequest");
    }

    // ---- $search ---------------------------------------------------------------------------------

    @Test
    void searchesDisplayNameWordsOnlyWithConsistencyLevelEventual() {
        assertThat(message(graph.get("users?$search=\"displayName:ade\""), 400, "Request_UnsupportedQuery"))
                .isEqualTo("Request with $search query parameter only works through MSGraph with a special request"
                        + " header: 'ConsistencyLevel: eventual'");

        List<String> found = strings(graph.all("users?$search=\"displayName:ade\"&$select=id", EVENTUAL), "id");
        assertThat(found)
                .isNotEmpty()
                .isEqualTo(expected(u -> List.of(u.displayName().toLowerCase().split(" ")).stream()
                        .anyMatch(word -> word.startsWith("ade"))));
        // words in any order, any case; words of the value, not its middle
        assertThat(strings(graph.values("groups?$search=\"displayName:falcon project\"", EVENTUAL), "displayName"))
                .containsExactly("Project Falcon");
        assertThat(graph.values("groups?$search=\"displayName:alcon\"", EVENTUAL))
                .isEmpty();
        assertThat(strings(
                        graph.values("groups?$search=\"displayName:helpdesk\" OR \"description:workspace\"", EVENTUAL),
                        "displayName"))
                .containsExactlyInAnyOrder("Helpdesk", "Contoso Marketing");
        assertThat(graph.values("groups?$search=\"displayName:team\"&$filter=mailEnabled eq true", EVENTUAL))
                .extracting(g -> g.get("displayName").getAsString())
                .containsExactlyInAnyOrder("Leadership Team", "Ownerless Team");
        error(graph.get("users?$search=displayName:ade", EVENTUAL), 400, "BadRequest");
    }

    // ---- paging ----------------------------------------------------------------------------------

    @Test
    void pagesKeepTheFilterSelectAndOrderWithoutDuplicatesOrOmissions() {
        JsonObject first = graph.ok(
                "users?$filter=userType eq 'Member' and accountEnabled eq true&$select=id,userType" + "&$top=7");
        String nextLink = first.get("@odata.nextLink").getAsString();
        assertThat(nextLink).startsWith(emulator.graphEndpoint() + "/v1.0/users?$top=7&$select=id,userType&$filter=");
        List<JsonObject> all = graph.all(
                "users?$filter=userType eq 'Member' and accountEnabled eq true&$select=id,userType&$top=7", Map.of());
        assertThat(all).allSatisfy(u -> assertThat(u.keySet()).containsExactly("id", "userType"));
        assertThat(strings(all, "id"))
                .doesNotHaveDuplicates()
                .isEqualTo(expected(u -> !u.isGuest() && u.accountEnabled()));

        // the last page has no nextLink, even when the filter matches nothing after it
        List<String> guests = expected(User::isGuest);
        JsonObject page = graph.ok("users?$filter=userType eq 'Guest'&$top=" + guests.size() + "&$select=id");
        assertThat(page.has("@odata.nextLink")).isFalse();
        assertThat(page.getAsJsonArray("value")).hasSize(guests.size());
    }

    @Test
    void aSkipTokenAloneContinuesTheSameQuery() {
        JsonObject first = graph.ok("groups?$filter=securityEnabled eq true&$select=displayName&$top=5");
        String nextLink = first.get("@odata.nextLink").getAsString();
        String token = nextLink.substring(nextLink.indexOf("$skiptoken="));
        List<JsonObject> second = graph.values("groups?" + token);
        assertThat(second).hasSize(5).allSatisfy(g -> assertThat(g.keySet()).containsExactly("displayName"));
        assertThat(strings(second, "displayName"))
                .isEqualTo(groups.stream()
                        .filter(Group::securityEnabled)
                        .skip(5)
                        .limit(5)
                        .map(Group::displayName)
                        .toList());
    }

    @Test
    void refusesSkipTokensThatWereEditedMovedOrGivenOtherOptions() {
        String nextLink = graph.ok("users?$filter=userType eq 'Member'&$top=5")
                .get("@odata.nextLink")
                .getAsString();
        String token = nextLink.substring(nextLink.indexOf("$skiptoken=") + "$skiptoken=".length());
        error(graph.get("groups?$skiptoken=" + token), 400, "Request_BadRequest");
        error(graph.get(nextLink.replace("Member", "Guest")), 400, "Request_BadRequest");
        error(graph.get("users?$top=6&$skiptoken=" + token), 400, "Request_BadRequest");
        graph.ok(nextLink);
    }

    @Test
    void keepsPagingAcrossWritesWithoutLosingOrRepeatingObjects() {
        GraphCalls writer =
                GraphCalls.withRoles(emulator, new TestClient(emulator.caCertificate()), "Group.ReadWrite.All");
        JsonObject first = writer.ok("groups?$top=4&$select=id");
        Set<String> seen = new HashSet<>(strings(GraphCalls.objects(first.getAsJsonArray("value")), "id"));
        String created = TestClient.json(writer.post(
                        "groups",
                        "{\"displayName\":\"Late Group\",\"mailEnabled\":false,"
                                + "\"mailNickname\":\"lategroup\",\"securityEnabled\":true}"))
                .get("id")
                .getAsString();
        String next = first.get("@odata.nextLink").getAsString();
        while (next != null) {
            JsonObject page = writer.ok(next);
            for (String id : strings(GraphCalls.objects(page.getAsJsonArray("value")), "id")) {
                assertThat(seen.add(id)).as("duplicate " + id).isTrue();
            }
            next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").getAsString() : null;
        }
        assertThat(seen).contains(created).hasSize(groups.size() + 1);
        assertThat(writer.delete("groups/" + created).statusCode()).isEqualTo(204);
    }

    @Test
    void pagesRelationshipsToo() {
        String group = DemoSeed.GUESTS_GROUP_ID;
        List<JsonObject> members = graph.all("groups/" + group + "/members?$top=3&$select=id", Map.of());
        assertThat(strings(members, "id")).doesNotHaveDuplicates().isEqualTo(expected(User::isGuest));
        String link = graph.ok("groups/" + group + "/members?$top=3")
                .get("@odata.nextLink")
                .getAsString();
        assertThat(URI.create(link).getPath()).isEqualTo("/v1.0/groups/" + group + "/members");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Ids of every object the query lists, across pages. */
    private static List<String> ids(String query) {
        return ids(query, Map.of());
    }

    private static List<String> ids(String query, Map<String, String> headers) {
        return strings(graph.all(query + (query.contains("?") ? "&" : "?") + "$select=id", headers), "id");
    }

    private static List<String> expected(Predicate<User> filter) {
        return users.stream().filter(filter).map(User::id).toList();
    }
}

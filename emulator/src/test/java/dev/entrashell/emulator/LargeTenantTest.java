package dev.entrashell.emulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import static dev.entrashell.emulator.GraphCalls.EVENTUAL;
import static dev.entrashell.emulator.GraphCalls.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark size: 100,000 users start in seconds and page quickly by $top=999. */
class LargeTenantTest {
    private static final int USERS = 100_000;

    private static Emulator emulator;
    private static GraphCalls graph;
    private static Duration startup;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        emulator = Emulator.start(EmulatorOptions.defaults().withUserCount(USERS));
        startup = Duration.ofNanos(System.nanoTime() - started);
        graph = GraphCalls.demo(emulator, new TestClient(emulator.caCertificate()));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void startsInSeconds() {
        assertThat(startup).isLessThan(Duration.ofSeconds(30)); // about 5 s on a busy two-core machine
        assertThat(graph.get("users/$count", EVENTUAL).body()).isEqualTo(Integer.toString(USERS));
    }

    @Test
    void pagesThroughEveryUserWithoutDuplicatesOrOmissions() {
        long started = System.nanoTime();
        List<JsonObject> all = graph.all("users?$top=999&$select=id", Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Set<String> ids = new HashSet<>(strings(all, "id"));
        assertThat(all).hasSize(USERS);
        assertThat(ids).hasSize(USERS);
        assertThat(took).isLessThan(Duration.ofSeconds(30)); // about 1 s
    }

    @Test
    void servesFullAndSortedPagesQuickly() {
        long started = System.nanoTime();
        JsonObject first = graph.ok("users?$top=999");
        JsonObject second = graph.ok(first.get("@odata.nextLink").getAsString());
        JsonObject sorted = graph.ok("users?$top=999&$orderby=displayName&$select=id,displayName");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.getAsJsonArray("value")).hasSize(999);
        assertThat(second.getAsJsonArray("value")).hasSize(999);
        assertThat(strings(GraphCalls.objects(sorted.getAsJsonArray("value")), "displayName"))
                .hasSize(999)
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(took).isLessThan(Duration.ofSeconds(10)); // well under a second once warm
    }

    @Test
    void filtersAndCountsByScanning() {
        JsonObject guests = graph.ok("users?$filter=userType eq 'Guest'&$count=true&$top=999&$select=id", EVENTUAL);
        assertThat(guests.get("@odata.count").getAsInt()).isBetween(4_000, 6_000);
        assertThat(graph.get(
                                "groups/" + dev.entrashell.emulator.demo.DemoSeed.ALL_EMPLOYEES_GROUP_ID
                                        + "/transitiveMembers/$count",
                                EVENTUAL)
                        .statusCode())
                .isEqualTo(200);
    }
}

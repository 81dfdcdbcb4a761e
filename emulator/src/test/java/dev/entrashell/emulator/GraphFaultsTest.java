package dev.entrashell.emulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.faults.Bystander;
import dev.entrashell.emulator.faults.GraphFaults;
import dev.entrashell.emulator.http.ResponseFault;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The Graph faults do what they promise on the wire, and the bystander is reachable with the emulator's CA. */
@EmulatorTest(users = 12)
class GraphFaultsTest {
    private static Emulator emulator;
    private static TestClient client;
    private static GraphCalls graph;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient(emulator.caCertificate());
        graph = GraphCalls.demo(emulator, client);
    }

    @AfterEach
    void behave() {
        emulator.setGraphFault(ResponseFault.NONE);
    }

    @Test
    void nextLinkToAnotherOriginKeepsPathAndQuery() throws Exception {
        try (Bystander bystander = emulator.startBystander()) {
            String honest = graph.ok("users?$top=5").get("@odata.nextLink").getAsString();
            emulator.setGraphFault(GraphFaults.nextLinkTo(bystander.baseUri()));

            URI next =
                    URI.create(graph.ok("users?$top=5").get("@odata.nextLink").getAsString());

            assertThat(next.getPort()).isEqualTo(bystander.baseUri().getPort());
            assertThat(next.getRawPath() + "?" + next.getRawQuery())
                    .isEqualTo(URI.create(honest).getRawPath() + "?"
                            + URI.create(honest).getRawQuery());
            // The bystander answers with the emulator's certificate, so a client that trusts the
            // emulator would send it everything: that is what makes it a trap worth testing.
            assertThat(client.get(next, "token-for-nobody").statusCode()).isEqualTo(200);
            assertThat(bystander.requests()).hasSize(1);
            assertThat(bystander.requests().get(0).headers().get("Authorization"))
                    .containsExactly("Bearer token-for-nobody");
        }
    }

    @Test
    void loopingNextLinkPointsAtThePageAskedFor() {
        emulator.setGraphFault(GraphFaults.loopingNextLink());

        JsonObject page = graph.ok("users?$top=5");

        assertThat(page.get("@odata.nextLink").getAsString())
                .isEqualTo(graph.uri("users?$top=5").toString());
    }

    @Test
    void redirectAnswersOnlyItsPath() {
        URI elsewhere = URI.create("http://127.0.0.1:9/v1.0/organization");
        emulator.setGraphFault(GraphFaults.redirect("/v1.0/organization", 307, elsewhere));

        HttpResponse<String> redirected = graph.get("organization");

        assertThat(redirected.statusCode()).isEqualTo(307);
        assertThat(redirected.headers().firstValue("Location")).contains(elsewhere.toString());
        assertThat(graph.get("users?$top=1").statusCode()).isEqualTo(200);
    }

    @Test
    void stormAnswersEveryRequestWithRetryAfter() {
        emulator.setGraphFault(GraphFaults.storm(503, 2));

        HttpResponse<String> answer = graph.get("users?$top=1");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("2");
        assertThat(answer.body()).contains("ServiceUnavailable");
    }

    @Test
    void trickleWritesTheWholeBodySlowly() {
        emulator.setGraphFault(GraphFaults.trickle(Duration.ofMillis(2)));
        long started = System.nanoTime();

        HttpResponse<String> answer = graph.get("organization");

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(answer).getAsJsonArray("value")).hasSize(1);
        assertThat(millis)
                .as("2 ms for each of " + answer.body().length() + " bytes")
                .isGreaterThanOrEqualTo(2L * answer.body().length() * 9 / 10);
    }
}

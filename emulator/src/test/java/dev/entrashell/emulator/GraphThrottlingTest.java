package dev.entrashell.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.http.RecordedRequest;

import static dev.entrashell.emulator.GraphCalls.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Throttling as Graph does it (429 or 503 with Retry-After), and as Dev Proxy's RetryAfterPlugin
 * checks clients: retrying too early is throttled again; waiting gets through. The emulator's
 * clock is moved instead of sleeping, except in one test that proves real waits are recorded.
 */
class GraphThrottlingTest {
    private static MutableClock clock;
    private static Emulator emulator;
    private static GraphCalls graph;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.now());
        emulator = Emulator.start(EmulatorOptions.defaults().withUserCount(20).withClock(clock));
        graph = GraphCalls.demo(emulator, new TestClient(emulator.caCertificate()));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void off() {
        emulator.setThrottling(Throttling.off());
    }

    @Test
    void isOffByDefault() {
        assertThat(emulator.throttling().isOff()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(graph.get("organization").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answers429WithRetryAfterAndThrottlesAnEarlyRetryAgain() {
        emulator.setThrottling(Throttling.firstRequestPerPath(5));
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> first = graph.get("users?$top=3&marker=" + marker);
        JsonObject error = error(first, 429, "TooManyRequests");
        assertThat(error.get("message").getAsString()).isEqualTo("Too many requests");
        assertThat(first.headers().firstValue("Retry-After")).hasValue("5");

        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> early = graph.get("users?$top=3&marker=" + marker);
        error(early, 429, "TooManyRequests");
        assertThat(early.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(graph.get("organization").statusCode())
                .as("another path has its own first request")
                .isEqualTo(429);

        clock.advance(Duration.ofSeconds(3));
        assertThat(graph.get("users?$top=3&marker=" + marker).statusCode()).isEqualTo(200);
        assertThat(graph.get("users?$top=3").statusCode())
                .as("the path is not throttled again")
                .isEqualTo(200);

        // the log shows what the client did and when
        List<RecordedRequest> calls = emulator.requests().stream()
                .filter(r -> r.pathAndQuery().contains(marker))
                .toList();
        assertThat(calls).extracting(RecordedRequest::status).containsExactly(429, 429, 200);
        assertThat(calls.get(0).responseHeader("Retry-After")).hasValue("5");
        assertThat(Duration.between(calls.get(0).time(), calls.get(2).time()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void throttlesEveryNthRequest() {
        emulator.setThrottling(Throttling.everyNthRequest(3, 2));
        assertThat(graph.get("users?$top=1").statusCode()).isEqualTo(200);
        assertThat(graph.get("groups?$top=1").statusCode()).isEqualTo(200);
        HttpResponse<String> third = graph.get("organization");
        error(third, 429, "TooManyRequests");
        assertThat(third.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(graph.get("users?$top=1").statusCode()).isEqualTo(200);
        assertThat(graph.get("organization").statusCode()).as("early retry").isEqualTo(429);
        clock.advance(Duration.ofSeconds(2));
        assertThat(graph.get("organization").statusCode()).as("after waiting").isEqualTo(200);
    }

    @Test
    void answers503WithRetryAfterOncePerPath() {
        emulator.setThrottling(Throttling.serviceUnavailableOncePerPath(3));
        HttpResponse<String> unavailable = graph.get("groups?$top=2");
        error(unavailable, 503, "serviceNotAvailable");
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("3");
        clock.advance(Duration.ofSeconds(3));
        assertThat(graph.get("groups?$top=2").statusCode()).isEqualTo(200);
        assertThat(graph.get("groups?$top=2").statusCode()).isEqualTo(200);
    }

    @Test
    void throttlesRequestsInsideABatchOneByOne() {
        emulator.setThrottling(Throttling.firstRequestPerPath(1));
        String batch = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/organization\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users?$top=1\"}]}";
        assertThat(graph.post("$batch", batch).statusCode())
                .as("the batch itself, the first time")
                .isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = graph.post("$batch", batch);
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonObject item : GraphCalls.objects(TestClient.json(response).getAsJsonArray("responses"))) {
            assertThat(item.get("status").getAsInt()).isEqualTo(429);
            assertThat(item.getAsJsonObject("headers").get("Retry-After").getAsString())
                    .isEqualTo("1");
        }
        clock.advance(Duration.ofSeconds(1));
        for (JsonObject item :
                GraphCalls.objects(TestClient.json(graph.post("$batch", batch)).getAsJsonArray("responses"))) {
            assertThat(item.get("status").getAsInt()).isEqualTo(200);
        }
    }

    @Test
    void canBeConfiguredAtStartAndCheckedForNonsense() throws Exception {
        try (Emulator throttled = Emulator.start(
                EmulatorOptions.defaults().withUserCount(1).withThrottling(Throttling.everyNthRequest(2, 1)))) {
            assertThat(throttled.throttling()).isEqualTo(Throttling.everyNthRequest(2, 1));
        }
        assertThatThrownBy(() -> Throttling.everyNthRequest(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Throttling.firstRequestPerPath(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Throttling(Throttling.Trigger.FIRST_REQUEST_PER_PATH, 0, 500, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsARealClientsRealWait() throws Exception {
        try (Emulator real = Emulator.start(EmulatorOptions.defaults().withUserCount(5))) {
            TestClient client = new TestClient(real.caCertificate());
            GraphCalls calls = GraphCalls.demo(real, client);
            real.setThrottling(Throttling.firstRequestPerPath(1));
            HttpResponse<String> throttled = calls.get("organization");
            assertThat(throttled.statusCode()).isEqualTo(429);
            long wait =
                    Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
            Thread.sleep(Duration.ofSeconds(wait).toMillis() + 50);
            assertThat(calls.get("organization").statusCode()).isEqualTo(200);

            List<RecordedRequest> log = real.requests().stream()
                    .filter(r -> r.server().equals("graph"))
                    .toList();
            assertThat(log).extracting(RecordedRequest::status).containsExactly(429, 200);
            assertThat(Duration.between(log.get(0).time(), log.get(1).time()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }
}

package dev.entrashell.emulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "server dies in the middle of paging" fault: N pages answered, then the connection is dropped. */
@EmulatorTest(users = 50)
class DieAfterPagesTest {
    private static Emulator emulator;
    private static GraphCalls graph;

    @BeforeAll
    static void start() throws Exception {
        graph = GraphCalls.demo(emulator, new TestClient(emulator.caCertificate()));
    }

    @AfterEach
    void off() {
        emulator.setDieAfterPages(DieAfterPages.off());
    }

    @Test
    void answersThePagesThenDropsTheConnectionOfEveryLaterPage() {
        int before = emulator.requests().size();
        emulator.setDieAfterPages(DieAfterPages.after(2));
        String marker = UUID.randomUUID().toString();

        JsonObject first = graph.ok("users?$top=10&marker=" + marker);
        JsonObject second = graph.ok(first.get("@odata.nextLink").getAsString());
        String third = second.get("@odata.nextLink").getAsString();
        assertThatThrownBy(() -> graph.get(third))
                .as("no HTTP answer at all: the connection ends")
                .hasRootCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> graph.get(third)).hasRootCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> graph.get("groups")).hasRootCauseInstanceOf(IOException.class);

        // a single object is no page: it is still answered
        String id =
                first.getAsJsonArray("value").get(0).getAsJsonObject().get("id").getAsString();
        assertThat(graph.get("users/" + id).statusCode()).isEqualTo(200);

        List<Integer> pages = emulator
                .requests()
                .subList(before, emulator.requests().size())
                .stream()
                .filter(r -> r.pathAndQuery().startsWith("/v1.0/users?"))
                .map(RecordedRequest::status)
                .toList();
        // recorded, the unanswered ones (and the client's retries of them) with status 0
        assertThat(pages.subList(0, 2)).containsOnly(200);
        assertThat(pages.subList(2, pages.size())).isNotEmpty().containsOnly(0);
    }

    @Test
    void offServesEveryPageAgain() {
        emulator.setDieAfterPages(DieAfterPages.after(0));
        assertThatThrownBy(() -> graph.get("users?$top=5")).hasRootCauseInstanceOf(IOException.class);
        emulator.setDieAfterPages(DieAfterPages.off());
        assertThat(graph.all("users?$top=5", Map.of())).hasSize(50);
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> DieAfterPages.after(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

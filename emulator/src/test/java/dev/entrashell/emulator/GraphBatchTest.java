package dev.entrashell.emulator;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.testing.EmulatorTest;

import static dev.entrashell.emulator.GraphCalls.message;
import static org.assertj.core.api.Assertions.assertThat;

/** JSON batching: up to 20 requests, each through the same routes, roles and errors as alone. */
@EmulatorTest(users = 40)
class GraphBatchTest {
    private static Emulator emulator;
    private static GraphCalls readOnly;
    private static GraphCalls writer;

    @BeforeAll
    static void start() throws Exception {
        TestClient client = new TestClient(emulator.caCertificate());
        readOnly = GraphCalls.withRoles(
                emulator, client, "User.Read.All", "Organization.Read.All", "Group.Read.All", "Application.Read.All");
        writer = GraphCalls.withRoles(emulator, client, "Directory.ReadWrite.All");
    }

    @Test
    void runsEachRequestAndAnswersThemAllIn200() {
        String user = emulator.directory()
                .users(emulator.demo().tenantId())
                .all()
                .get(0)
                .id();
        HttpResponse<String> response = readOnly.post(
                "$batch",
                "{\"requests\":["
                        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/" + user + "?$select=id,displayName\"},"
                        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"organization\"},"
                        + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/users?$count=true&$top=2\","
                        + "\"headers\":{\"ConsistencyLevel\":\"eventual\"}},"
                        + "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/users/" + UUID.randomUUID() + "\"},"
                        + "{\"id\":\"5\",\"method\":\"GET\",\"url\":\"/groups/" + DemoSeed.PROJECT_FALCON_GROUP_ID
                        + "/members/$count\",\"headers\":{\"ConsistencyLevel\":\"eventual\"}}"
                        + "]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonObject> byId = responses(response);
        // Graph may answer in any order; the emulator does not answer in the request's, so clients
        // that match by position rather than by id fail here as they would on Graph.
        assertThat(byId.keySet()).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        assertThat(List.copyOf(byId.keySet())).isNotEqualTo(List.of("1", "2", "3", "4", "5"));
        JsonObject first = byId.get("1");
        assertThat(first.get("status").getAsInt()).isEqualTo(200);
        assertThat(first.getAsJsonObject("headers").get("Content-Type").getAsString())
                .isEqualTo(GraphCalls.ODATA_JSON);
        assertThat(first.getAsJsonObject("body").get("id").getAsString()).isEqualTo(user);
        assertThat(first.getAsJsonObject("body").get("@odata.context").getAsString())
                .isEqualTo(emulator.graphEndpoint() + "/v1.0/$metadata#users(id,displayName)/$entity");
        assertThat(byId.get("2").getAsJsonObject("body").getAsJsonArray("value"))
                .hasSize(1);
        JsonObject counted = byId.get("3").getAsJsonObject("body");
        assertThat(counted.get("@odata.count").getAsInt()).isEqualTo(40);
        assertThat(counted.get("@odata.nextLink").getAsString()).startsWith(emulator.graphEndpoint() + "/v1.0/users?");
        assertThat(byId.get("4").get("status").getAsInt()).isEqualTo(404);
        assertThat(byId.get("4")
                        .getAsJsonObject("body")
                        .getAsJsonObject("error")
                        .get("code")
                        .getAsString())
                .isEqualTo("Request_ResourceNotFound");
        assertThat(byId.get("5").get("body").getAsString())
                .isEqualTo(Integer.toString(emulator.directory()
                        .objects(emulator.demo().tenantId())
                        .members(DemoSeed.PROJECT_FALCON_GROUP_ID)
                        .size()));
    }

    @Test
    void refusesMoreThanTwentyRequests() {
        String requests = IntStream.rangeClosed(1, 21)
                .mapToObj(i -> "{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/organization\"}")
                .collect(Collectors.joining(","));
        assertThat(message(readOnly.post("$batch", "{\"requests\":[" + requests + "]}"), 400, "BadRequest"))
                .contains("limit of 20");
        String twenty = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> "{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/organization\"}")
                .collect(Collectors.joining(","));
        assertThat(responses(readOnly.post("$batch", "{\"requests\":[" + twenty + "]}")))
                .hasSize(20);
    }

    @Test
    void refusesDuplicateIdsAndMalformedBatches() {
        assertThat(message(
                        readOnly.post(
                                "$batch",
                                "{\"requests\":["
                                        + "{\"id\":\"a\",\"method\":\"GET\",\"url\":\"/organization\"},"
                                        + "{\"id\":\"A\",\"method\":\"GET\",\"url\":\"/users\"}]}"),
                        400,
                        "BadRequest"))
                .isEqualTo("Request Id A has to be unique in a batch.");
        assertThat(message(readOnly.post("$batch", "{\"requests\":{}}"), 400, "BadRequest"))
                .isEqualTo("Invalid batch payload format.");
        assertThat(message(
                        readOnly.post("$batch", "{\"requests\":[{\"id\":\"1\",\"url\":\"/users\"}]}"),
                        400,
                        "BadRequest"))
                .isEqualTo("Invalid batch payload format.");
        assertThat(message(
                        writer.post(
                                "$batch",
                                "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/groups\","
                                        + "\"body\":{\"displayName\":\"x\"}}]}"),
                        400,
                        "BadRequest"))
                .isEqualTo("Write request id : 1 does not contain Content-Type header or body.");
    }

    @Test
    void failsDependentsOfAFailedRequestWith424() {
        HttpResponse<String> response = readOnly.post(
                "$batch",
                "{\"requests\":["
                        + "{\"id\":\"3\",\"dependsOn\":[\"2\"],\"method\":\"GET\",\"url\":\"/organization\"},"
                        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/groups/" + UUID.randomUUID() + "\"},"
                        + "{\"id\":\"2\",\"dependsOn\":[\"1\"],\"method\":\"GET\",\"url\":\"/organization\"},"
                        + "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/organization\"}]}");
        Map<String, JsonObject> byId = responses(response);
        assertThat(byId.get("1").get("status").getAsInt()).isEqualTo(404);
        assertThat(byId.get("2").get("status").getAsInt()).isEqualTo(424);
        assertThat(byId.get("3").get("status").getAsInt()).isEqualTo(424);
        assertThat(byId.get("4").get("status").getAsInt()).isEqualTo(200);

        JsonObject sequenced = responses(writer.post(
                        "$batch",
                        "{\"requests\":["
                                + "{\"id\":\"create\",\"method\":\"POST\",\"url\":\"/groups\","
                                + "\"headers\":{\"Content-Type\":\"application/json\"},"
                                + "\"body\":{\"displayName\":\"Batch Group\",\"mailEnabled\":false,\"mailNickname\":\"bg\","
                                + "\"securityEnabled\":true}},"
                                + "{\"id\":\"list\",\"dependsOn\":[\"create\"],\"method\":\"GET\","
                                + "\"url\":\"/groups?$filter=displayName eq 'Batch Group'\"}]}"))
                .get("list");
        assertThat(sequenced.get("status").getAsInt()).isEqualTo(200);
        assertThat(sequenced.getAsJsonObject("body").getAsJsonArray("value")).hasSize(1);
    }

    @Test
    void checksEachRequestsRolesWithTheBatchsToken() {
        String user = emulator.directory()
                .users(emulator.demo().tenantId())
                .all()
                .get(1)
                .id();
        Map<String, JsonObject> byId = responses(readOnly.post(
                "$batch",
                "{\"requests\":["
                        + "{\"id\":\"read\",\"method\":\"GET\",\"url\":\"/users/" + user + "\"},"
                        + "{\"id\":\"write\",\"method\":\"PATCH\",\"url\":\"/users/" + user + "\","
                        + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"jobTitle\":\"CEO\"}},"
                        + "{\"id\":\"devices\",\"method\":\"GET\",\"url\":\"/devices\"}]}"));
        assertThat(byId.get("read").get("status").getAsInt()).isEqualTo(200);
        for (String denied : List.of("write", "devices")) {
            JsonObject item = byId.get(denied);
            assertThat(item.get("status").getAsInt()).isEqualTo(403);
            assertThat(item.getAsJsonObject("body")
                            .getAsJsonObject("error")
                            .get("code")
                            .getAsString())
                    .isEqualTo("Authorization_RequestDenied");
        }

        JsonObject written = responses(
                        writer.post(
                                "$batch",
                                "{\"requests\":["
                                        + "{\"id\":\"write\",\"method\":\"PATCH\",\"url\":\"/users/" + user + "\","
                                        + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"jobTitle\":\"CEO\"}}]}"))
                .get("write");
        assertThat(written.get("status").getAsInt()).isEqualTo(204);
        assertThat(written.has("body")).isFalse();
        assertThat(readOnly.ok("users/" + user + "?$select=jobTitle")
                        .get("jobTitle")
                        .getAsString())
                .isEqualTo("CEO");
    }

    /** The batch's responses by id, in the order given. */
    private static Map<String, JsonObject> responses(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        for (JsonObject item : GraphCalls.objects(TestClient.json(response).getAsJsonArray("responses"))) {
            byId.put(item.get("id").getAsString(), item);
        }
        return byId;
    }
}

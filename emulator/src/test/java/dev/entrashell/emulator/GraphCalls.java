package dev.entrashell.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.AppRegistration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graph over real HTTPS with a token from the emulator's token endpoint: the calls the Graph tests
 * make, and the checks they share.
 */
final class GraphCalls {
    static final String ODATA_JSON =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    static final Map<String, String> EVENTUAL = Map.of("ConsistencyLevel", "eventual");

    private final Emulator emulator;
    private final TestClient client;
    private final String token;

    GraphCalls(Emulator emulator, TestClient client, String token) {
        this.emulator = emulator;
        this.client = client;
        this.token = token;
    }

    /** The demo app: User.Read.All, Organization.Read.All, Group.Read.All, Application.Read.All. */
    static GraphCalls demo(Emulator emulator, TestClient client) {
        return new GraphCalls(
                emulator,
                client,
                GraphTest.secretToken(
                        emulator,
                        client,
                        emulator.demo().clientId(),
                        emulator.demo().clientSecret()));
    }

    /** A new app in the demo tenant holding exactly these roles. */
    static GraphCalls withRoles(Emulator emulator, TestClient client, String... roles) {
        String clientId = UUID.randomUUID().toString();
        String secret = "secret-" + UUID.randomUUID();
        emulator.directory()
                .registerApplication(
                        emulator.demo().tenantId(),
                        AppRegistration.of(
                                clientId,
                                "Test app " + String.join(" ", roles),
                                List.of(),
                                List.of(secret),
                                Set.of(roles)));
        return new GraphCalls(emulator, client, GraphTest.secretToken(emulator, client, clientId, secret));
    }

    URI uri(String pathAndQuery) {
        return pathAndQuery.startsWith("https://")
                ? URI.create(pathAndQuery)
                : URI.create(emulator.graphEndpoint() + "/v1.0" + (pathAndQuery.startsWith("/") ? "" : "/")
                        + pathAndQuery.replace(" ", "%20").replace("\"", "%22").replace("#", "%23"));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, Map.of());
    }

    HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, json, Map.of());
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String json, Map<String, String> headers) {
        return send(method, pathAndQuery, json, json == null ? null : "application/json", headers);
    }

    /** POST with the given Content-Type, or none when null. */
    HttpResponse<String> postAs(String path, String body, String contentType) {
        return send("POST", path, body, contentType, Map.of());
    }

    private HttpResponse<String> send(
            String method, String pathAndQuery, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return client.send(request.build());
    }

    /** GET that must succeed; the body. */
    JsonObject ok(String pathAndQuery) {
        return ok(pathAndQuery, Map.of());
    }

    JsonObject ok(String pathAndQuery, Map<String, String> headers) {
        HttpResponse<String> response = get(pathAndQuery, headers);
        assertThat(response.statusCode())
                .as(pathAndQuery + " -> " + response.body())
                .isEqualTo(200);
        return TestClient.json(response);
    }

    /** The "value" of a collection page. */
    List<JsonObject> values(String pathAndQuery) {
        return values(pathAndQuery, Map.of());
    }

    List<JsonObject> values(String pathAndQuery, Map<String, String> headers) {
        return objects(ok(pathAndQuery, headers).getAsJsonArray("value"));
    }

    /** Every item of every page, following @odata.nextLink as given. */
    List<JsonObject> all(String pathAndQuery, Map<String, String> headers) {
        List<JsonObject> items = new ArrayList<>();
        String next = pathAndQuery;
        int pages = 0;
        while (next != null) {
            JsonObject page = ok(next, headers);
            items.addAll(objects(page.getAsJsonArray("value")));
            next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").getAsString() : null;
            assertThat(++pages).as("pages of " + pathAndQuery).isLessThan(100_000);
        }
        return items;
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>();
        for (JsonElement element : array) {
            objects.add(element.getAsJsonObject());
        }
        return objects;
    }

    static List<String> strings(List<JsonObject> objects, String property) {
        return objects.stream()
                .map(o -> o.get(property).isJsonNull() ? null : o.get(property).getAsString())
                .toList();
    }

    /** Checks Graph's error shape; returns the {@code error} object. */
    static JsonObject error(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ODATA_JSON);
        JsonObject error = TestClient.json(response).getAsJsonObject("error");
        assertThat(error.get("code").getAsString()).as(response.body()).isEqualTo(code);
        assertThat(error.get("message").getAsString()).isNotBlank();
        assertThat(error.getAsJsonObject("innerError").get("request-id").getAsString())
                .isEqualTo(response.headers().firstValue("request-id").orElseThrow());
        return error;
    }

    static String message(HttpResponse<String> response, int status, String code) {
        return error(response, status, code).get("message").getAsString();
    }

    static Map<String, String> headers(String... nameValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.put(nameValues[i], nameValues[i + 1]);
        }
        return headers;
    }
}

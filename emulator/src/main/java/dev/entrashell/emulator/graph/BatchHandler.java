package dev.entrashell.emulator.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.json.Json;

/**
 * {@code POST /$batch}: JSON batching as Graph does it. At most 20 requests with unique ids; each
 * runs through the same pipeline as a request of its own (route, roles, throttling) with the
 * batch's token; {@code dependsOn} orders them and a failed dependency fails its dependents with
 * 424. The answer is 200 with one response per request, in reverse order: Graph promises no order
 * (clients must match responses by id), and an emulator answering in request order would let a
 * client that matches by position pass here and fail on Graph.
 */
final class BatchHandler {
    static final int MAX_REQUESTS = 20;
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PATCH", "PUT");

    private final Function<GraphServer.Call, GraphServer.Answer> dispatcher;

    BatchHandler(Function<GraphServer.Call, GraphServer.Answer> dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** One request of the batch. */
    private record Item(
            String id,
            String method,
            String url,
            Map<String, List<String>> headers,
            JsonElement body,
            List<String> dependsOn) {}

    GraphResponse handle(GraphRequest request) throws GraphException {
        List<Item> items = parse(request.body());
        Map<String, Item> byId = new LinkedHashMap<>();
        for (Item item : items) {
            if (byId.putIfAbsent(item.id().toLowerCase(Locale.ROOT), item) != null) {
                throw GraphException.badRequest("Request Id " + item.id() + " has to be unique in a batch.");
            }
        }
        for (Item item : items) {
            for (String dependency : item.dependsOn()) {
                if (!byId.containsKey(dependency.toLowerCase(Locale.ROOT))) {
                    throw GraphException.badRequest("Request Id " + dependency + " in dependsOn of request " + item.id()
                            + " is not in the batch.");
                }
            }
            if (WRITE_METHODS.contains(item.method())
                    && (item.body() == null || !item.headers().containsKey("Content-Type"))) {
                throw GraphException.badRequest(
                        "Write request id : " + item.id() + " does not contain Content-Type header or body.");
            }
        }
        List<Item> order = executionOrder(items, byId);

        Map<String, GraphServer.Answer> answers = new HashMap<>();
        for (Item item : order) {
            GraphServer.Answer answer;
            try {
                answer = run(request, item, answers);
            } catch (GraphException refused) {
                answer = itemError(refused);
            }
            answers.put(item.id().toLowerCase(Locale.ROOT), answer);
        }
        List<Item> answerOrder = new ArrayList<>(items);
        Collections.reverse(answerOrder);
        return GraphResponse.ok(out -> {
            out.beginObject();
            out.name("responses").beginArray();
            for (Item item : answerOrder) {
                GraphServer.Answer answer = answers.get(item.id().toLowerCase(Locale.ROOT));
                out.beginObject();
                out.name("id").value(item.id());
                out.name("status").value(answer.status());
                out.name("headers").beginObject();
                out.name("Cache-Control").value("no-cache");
                if (answer.json() != null) {
                    out.name("OData-Version").value("4.0");
                    out.name("Content-Type").value(GraphServer.CONTENT_TYPE);
                } else if (answer.text() != null) {
                    out.name("Content-Type").value(GraphServer.TEXT_CONTENT_TYPE);
                }
                for (Map.Entry<String, String> header : answer.headers().entrySet()) {
                    out.name(header.getKey()).value(header.getValue());
                }
                out.endObject();
                if (answer.json() != null) {
                    out.name("body").jsonValue(new String(answer.json(), StandardCharsets.UTF_8));
                } else if (answer.text() != null) {
                    out.name("body").value(answer.text());
                }
                out.endObject();
            }
            out.endArray();
            out.endObject();
        });
    }

    /** Runs one request of the batch; a request the batch itself refuses throws, like any Graph error. */
    private GraphServer.Answer run(GraphRequest batch, Item item, Map<String, GraphServer.Answer> done)
            throws GraphException {
        for (String dependency : item.dependsOn()) {
            GraphServer.Answer answer = done.get(dependency.toLowerCase(Locale.ROOT));
            if (answer == null || answer.status() < 200 || answer.status() > 299) {
                throw new GraphException(
                        424, "FailedDependency", "The request depends on request " + dependency + ", which failed.");
            }
        }
        String url = item.url().strip();
        if (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)) {
            throw GraphException.badRequest("The url of a batch request must be relative, e.g. /users.");
        }
        if (url.startsWith("/")) {
            url = url.substring(1);
        }
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? null : url.substring(question + 1);
        if (path.equalsIgnoreCase("$batch") || path.toLowerCase(Locale.ROOT).startsWith("$batch/")) {
            throw GraphException.badRequest("A batch request cannot contain a batch request.");
        }
        byte[] body = new byte[0];
        if (item.body() != null) {
            body = item.body().isJsonPrimitive()
                    ? item.body().getAsString().getBytes(StandardCharsets.UTF_8)
                    : Json.write(item.body()).getBytes(StandardCharsets.UTF_8);
        }
        String clientRequestId = first(item.headers(), "client-request-id");
        return dispatcher.apply(new GraphServer.Call(
                item.method(),
                "/" + batch.apiVersion() + "/" + path,
                query,
                item.headers(),
                body,
                batch.receivedAt(),
                batch.caller(),
                Guids.random(),
                clientRequestId != null
                        ? clientRequestId
                        : batch.header("client-request-id").orElseGet(Guids::random)));
    }

    /** A request the batch refused, answered in its place: Graph's error without the inner error. */
    private static GraphServer.Answer itemError(GraphException e) {
        byte[] json = ByteArrayJson.of(out -> {
            out.beginObject();
            out.name("error").beginObject();
            out.name("code").value(e.code());
            out.name("message").value(e.getMessage());
            out.endObject();
            out.endObject();
        });
        return new GraphServer.Answer(e.status(), Map.of(), json, null);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // ---- parsing ---------------------------------------------------------------------------------

    private static List<Item> parse(byte[] body) throws GraphException {
        JsonObject payload;
        try {
            JsonElement element = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            payload = element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            payload = null;
        }
        if (payload == null
                || !payload.has("requests")
                || !payload.get("requests").isJsonArray()) {
            throw invalidPayload();
        }
        JsonArray requests = payload.getAsJsonArray("requests");
        if (requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("Number of batch requests exceeded the limit of " + MAX_REQUESTS
                    + ". Reduce the number of" + " requests in the batch.");
        }
        List<Item> items = new ArrayList<>();
        for (JsonElement element : requests) {
            if (!element.isJsonObject()) {
                throw invalidPayload();
            }
            JsonObject request = element.getAsJsonObject();
            String id = string(request, "id");
            String method = string(request, "method");
            String url = string(request, "url");
            if (id == null || id.isBlank() || method == null || url == null) {
                throw invalidPayload();
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            JsonElement headerElement = request.get("headers");
            if (headerElement != null && headerElement.isJsonObject()) {
                for (Map.Entry<String, JsonElement> header :
                        headerElement.getAsJsonObject().entrySet()) {
                    if (!header.getValue().isJsonPrimitive()) {
                        throw invalidPayload();
                    }
                    headers.put(header.getKey(), List.of(header.getValue().getAsString()));
                }
            } else if (headerElement != null && !headerElement.isJsonNull()) {
                throw invalidPayload();
            }
            List<String> dependsOn = new ArrayList<>();
            JsonElement dependencies = request.get("dependsOn");
            if (dependencies != null && dependencies.isJsonArray()) {
                for (JsonElement dependency : dependencies.getAsJsonArray()) {
                    dependsOn.add(dependency.getAsString());
                }
            } else if (dependencies != null && !dependencies.isJsonNull()) {
                throw invalidPayload();
            }
            JsonElement itemBody = request.get("body");
            items.add(new Item(
                    id,
                    method.strip().toUpperCase(Locale.ROOT),
                    url,
                    headers,
                    itemBody == null || itemBody.isJsonNull() ? null : itemBody,
                    dependsOn));
        }
        return items;
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    /** Dependencies first; otherwise the order given. */
    private static List<Item> executionOrder(List<Item> items, Map<String, Item> byId) throws GraphException {
        List<Item> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Item item : items) {
            visit(item, byId, done, visiting, order);
        }
        return order;
    }

    private static void visit(
            Item item, Map<String, Item> byId, Set<String> done, Set<String> visiting, List<Item> order)
            throws GraphException {
        String key = item.id().toLowerCase(Locale.ROOT);
        if (done.contains(key)) {
            return;
        }
        if (!visiting.add(key)) {
            throw GraphException.badRequest(
                    "The dependsOn of the batch requests form a cycle at request " + item.id() + ".");
        }
        for (String dependency : item.dependsOn()) {
            visit(byId.get(dependency.toLowerCase(Locale.ROOT)), byId, done, visiting, order);
        }
        visiting.remove(key);
        done.add(key);
        order.add(item);
    }

    private static GraphException invalidPayload() {
        return GraphException.badRequest("Invalid batch payload format.");
    }
}

package dev.entrashell.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.auth.Connection;
import dev.entrashell.connection.ContextView;
import dev.entrashell.connection.LiveConnection;
import dev.entrashell.connection.SavedConnection;
import dev.entrashell.errors.ShellException;
import dev.entrashell.graph.GraphClient;
import dev.entrashell.graph.GraphPermissionMap;
import dev.entrashell.graph.GraphRequest;
import dev.entrashell.graph.QueryOptions;
import dev.entrashell.services.ShellServices;

/**
 * What the script bindings do, in plain Java: Graph requests through the shell's {@link GraphClient}
 * (so retries, errors and Ctrl-C are the same as for the commands), lazy paging, {@code $batch}, the
 * context and shell lines.
 */
final class ScriptApi {
    /** Graph takes at most 20 requests in one {@code $batch}. */
    static final int BATCH_LIMIT = 20;

    private final ShellServices services;
    private final ToIntFunction<String> shellLines;
    /** The connection the calls go to: the shell's active one, or one a script chose. */
    private final Supplier<Connection> connection;

    private GraphPermissionMap hints;

    ScriptApi(ShellServices services, ToIntFunction<String> shellLines) {
        this(services, shellLines, () -> services.session().require());
    }

    private ScriptApi(ShellServices services, ToIntFunction<String> shellLines, Supplier<Connection> connection) {
        this.services = services;
        this.shellLines = shellLines;
        this.connection = connection;
    }

    /** The same calls, made with {@code connection} (which renews its own token). */
    ScriptApi on(Connection connection) {
        return new ScriptApi(services, shellLines, () -> connection);
    }

    Connection connection() {
        return connection.get();
    }

    /**
     * The live connection {@code name}, connected the saved way when it is not live. Connecting it does not
     * change the shell's active connection: a script walking many tenants leaves the shell where it was.
     */
    Connection live(String name) {
        Optional<LiveConnection> live = services.session().live(name);
        if (live.isPresent()) {
            return live.get().connection();
        }
        services.savedConnections().require(name);
        Optional<LiveConnection> before = services.session().active();
        int code = shell("connect " + SavedConnection.checkName(name) + " --no-welcome");
        services.session().restore(before);
        return services.session()
                .live(name)
                .map(LiveConnection::connection)
                .orElseThrow(() -> new ShellException("Connection '" + name + "' did not connect (exit " + code
                        + "); the reason is the line above."));
    }

    List<String> savedNames() {
        return services.savedConnections().names();
    }

    ShellServices services() {
        return services;
    }

    Object request(String method, String path, Object body) {
        String text = body == null ? null : body instanceof CharSequence chars ? chars.toString() : json(body);
        return JsonValues.toJava(client().send(request(method, path, text)).json());
    }

    /** Every item of every page, fetched a page at a time as the loop gets there. */
    Iterable<Object> all(String path) {
        return () -> new LazyPages(this::client, request("GET", path, null));
    }

    /**
     * Sends the requests in {@code $batch} calls of at most 20 and returns each response by id, in the
     * order given. A request is a Map with {@code method} (default GET), {@code url}, and optionally
     * {@code id}, {@code body} and {@code headers}; a String is a GET of that path.
     */
    Map<String, Object> batch(List<?> requests) {
        List<JsonObject> steps = new ArrayList<>();
        for (Object request : requests) {
            steps.add(step(request, steps.size() + 1));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        steps.forEach(step -> responses.put(step.get("id").getAsString(), null));
        for (int from = 0; from < steps.size(); from += BATCH_LIMIT) {
            JsonArray chunk = new JsonArray();
            steps.subList(from, Math.min(steps.size(), from + BATCH_LIMIT)).forEach(chunk::add);
            JsonObject body = new JsonObject();
            body.add("requests", chunk);
            JsonElement answer =
                    client().send(request("POST", "/$batch", json(body))).json();
            JsonElement items = answer.isJsonObject() ? answer.getAsJsonObject().get("responses") : null;
            if (items == null || !items.isJsonArray()) {
                throw new ShellException("Graph answered the $batch without a 'responses' list.");
            }
            for (JsonElement item : items.getAsJsonArray()) {
                Object response = JsonValues.toJava(item);
                if (response instanceof Map<?, ?> map && map.get("id") != null) {
                    responses.put(String.valueOf(map.get("id")), response);
                }
            }
        }
        return responses;
    }

    Map<String, Object> context() {
        return new LinkedHashMap<>(ContextView.of(connection.get()).fields());
    }

    int shell(String line) {
        return shellLines.applyAsInt(line);
    }

    private JsonObject step(Object request, int number) {
        JsonObject step = new JsonObject();
        if (request instanceof CharSequence path) {
            step.addProperty("id", Integer.toString(number));
            step.addProperty("method", "GET");
            step.addProperty("url", relative(path.toString()));
            return step;
        }
        if (!(request instanceof Map<?, ?> map) || map.get("url") == null) {
            throw new ShellException("batch: request " + number + " is not a map with a url, such as"
                    + " [method: 'GET', url: '/users/adele@contoso.com'].");
        }
        Object id = map.get("id");
        step.addProperty("id", id == null ? Integer.toString(number) : id.toString());
        Object method = map.get("method");
        step.addProperty("method", method == null ? "GET" : method.toString().toUpperCase(Locale.ROOT));
        step.addProperty("url", relative(map.get("url").toString()));
        JsonObject headers = new JsonObject();
        if (map.get("headers") instanceof Map<?, ?> given) {
            given.forEach((name, value) -> headers.addProperty(name.toString(), String.valueOf(value)));
        }
        if (map.get("body") != null) {
            step.add("body", JsonValues.toJson(map.get("body")));
            if (!headers.has("Content-Type")) {
                headers.addProperty("Content-Type", "application/json");
            }
        }
        if (!headers.isEmpty()) {
            step.add("headers", headers);
        }
        return step;
    }

    /** A batch step's url is relative to the version root: "/users/x", never "/v1.0/users/x". */
    private static String relative(String url) {
        String path = url.startsWith("/") ? url : "/" + url;
        return path.startsWith("/v1.0/") ? path.substring(5) : path;
    }

    private static GraphRequest request(String method, String path, String body) {
        List<GraphRequest.Header> headers = new ArrayList<>();
        if (path.contains("$count") || path.contains("$search")) {
            headers.add(new GraphRequest.Header("ConsistencyLevel", "eventual"));
        }
        return new GraphRequest(method, path, "v1.0", headers, body, QueryOptions.none());
    }

    private GraphClient client() {
        if (hints == null) {
            hints = GraphPermissionMap.load();
        }
        return new GraphClient(connection.get(), services.cancellation(), hints);
    }

    private static String json(Object value) {
        return JsonValues.toJson(value).toString();
    }
}

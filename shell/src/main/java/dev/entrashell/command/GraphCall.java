package dev.entrashell.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.Printable;
import dev.entrashell.ShellException;
import dev.entrashell.graph.GraphClient;
import dev.entrashell.graph.GraphPermissionHints;
import dev.entrashell.graph.GraphRequest;
import dev.entrashell.graph.GraphResponse;
import dev.entrashell.graph.QueryOptions;
import dev.entrashell.output.ItemWriter;
import dev.entrashell.output.OutputFormat;
import dev.entrashell.output.Renderer;
import dev.entrashell.output.ShellOutput;

/**
 * Runs one Graph request command: builds the request from the options, sends it (or pages through it
 * with {@code --all}), applies {@code --query}, and writes the result in the chosen format to the screen
 * or to {@code --out}.
 */
final class GraphCall {
    /** RFC 9110's token: what a header field name may hold. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final ShellServices services;

    GraphCall(ShellServices services) {
        this.services = services;
    }

    void run(String method, GraphRequestOptions options) {
        GraphRequest request = request(method, options);
        if (options.all && !method.equals("GET")) {
            throw ShellException.usage("--all pages through a collection; it goes with get only.");
        }
        JmesQuery query = options.query == null ? null : JmesQuery.compile(options.query); // before any call
        GraphClient client =
                new GraphClient(services.session().require(), services.cancellation(), GraphPermissionHints.load());
        ShellOutput output = services.output();
        try (OutputTarget target = OutputTarget.open(options.out, options.force, output)) {
            boolean person = target.toTerminal();
            List<String> selected = options.select == null
                    ? null
                    : Arrays.stream(options.select.split(","))
                            .map(String::strip)
                            .toList();
            if (options.all) {
                OutputFormat format =
                        options.format != null ? options.format : person ? OutputFormat.table : OutputFormat.json;
                Renderer renderer = new Renderer(target.writer(), format, person, output.width(), selected);
                int items = page(client, request, renderer, query, output);
                target.done(items);
                return;
            }
            GraphResponse response = client.send(request);
            if (options.format == OutputFormat.raw && query == null) {
                target.writer().println(response.body());
                target.done(-1);
                return;
            }
            JsonElement body = response.json();
            if (body.isJsonNull()) {
                if (output.terminal()) {
                    output.err().println("Done (" + response.status() + ", no content).");
                }
                return;
            }
            JsonElement items = body.isJsonObject() ? body.getAsJsonObject().get("value") : null;
            boolean collection = items != null && items.isJsonArray();
            OutputFormat format = options.format != null
                    ? options.format
                    : !person ? OutputFormat.json : collection ? OutputFormat.table : OutputFormat.list;
            Renderer renderer = new Renderer(target.writer(), format, person, output.width(), selected);
            if (query != null) {
                renderer.value(query.search(collection ? items : body));
            } else if (collection && format != OutputFormat.json) {
                ItemWriter writer = renderer.collection(null);
                items.getAsJsonArray()
                        .forEach(item -> writer.item(item.isJsonObject() ? item.getAsJsonObject() : wrap(item)));
                writer.finish();
            } else {
                renderer.value(body);
            }
            JsonElement next = body.isJsonObject() ? body.getAsJsonObject().get("@odata.nextLink") : null;
            if (next != null && next.isJsonPrimitive() && format != OutputFormat.json && format != OutputFormat.none) {
                target.writer().flush();
                output.err().println("More results: add --all, or get '" + next.getAsString() + "'");
            }
            target.done(collection ? items.getAsJsonArray().size() : -1);
        } catch (IOException e) {
            throw new ShellException(
                    "Cannot write " + (options.out == null ? "the output" : options.out) + ": " + e.getMessage(), e);
        }
    }

    /** Pages to the end; items stream to the writer unless a query needs them all at once. */
    private int page(GraphClient client, GraphRequest request, Renderer renderer, JmesQuery query, ShellOutput output)
            throws IOException {
        Progress progress = new Progress(output);
        JsonArray collected = query == null ? null : new JsonArray();
        ItemWriter[] writer = {null};
        int[] items = {0};
        try {
            client.pages(request, page -> {
                JsonElement values = page.get("value");
                if (writer[0] == null && collected == null) {
                    writer[0] = renderer.collection(page.get("@odata.count"));
                }
                if (values != null && values.isJsonArray()) {
                    for (JsonElement item : values.getAsJsonArray()) {
                        items[0]++;
                        if (collected != null) {
                            collected.add(item);
                        } else {
                            writer[0].item(item.isJsonObject() ? item.getAsJsonObject() : wrap(item));
                        }
                    }
                }
                if (writer[0] != null) {
                    writer[0].pageEnd();
                }
                progress.page(items[0]);
            });
        } catch (ShellException e) {
            if (e.exitCode() == dev.entrashell.ExitCode.INTERRUPTED) {
                if (writer[0] != null) {
                    writer[0].finish(); // what was written stays well-formed
                }
                throw ShellException.interrupted(
                        String.format("paging stopped after %,d items, %d pages", items[0], progress.pages));
            }
            throw e;
        } finally {
            progress.clear();
        }
        if (collected != null) {
            renderer.value(query.search(collected));
        } else if (writer[0] != null) {
            writer[0].finish();
        }
        return items[0];
    }

    private GraphRequest request(String method, GraphRequestOptions options) {
        if (!options.api.equals("v1.0") && !options.api.equals("beta")) {
            throw ShellException.usage("--api '" + options.api + "' is not a Graph version: use v1.0 or beta.");
        }
        if (options.top != null && (options.top < 1 || options.top > 999)) {
            throw ShellException.usage(
                    "--top " + options.top + " is out of range: Graph takes 1 to 999 items per page.");
        }
        List<GraphRequest.Header> headers = new ArrayList<>();
        for (String header : options.headers) {
            headers.add(header(header));
        }
        emptyQueryOption("--select", options.select, "property names such as id,displayName");
        emptyQueryOption("--filter", options.filter, "an expression such as \"startswith(displayName,'A')\"");
        emptyQueryOption("--search", options.search, "an expression such as \"displayName:adele\"");
        emptyQueryOption("--orderby", options.orderby, "a property such as displayName");
        emptyQueryOption("--expand", options.expand, "a relationship such as members");
        String body = options.body == null ? null : RequestBodies.read(options.body);
        if (body != null && method.equals("GET")) {
            throw ShellException.usage("get takes no --body; use post, put or patch.");
        }
        QueryOptions query = new QueryOptions(
                options.top,
                options.select,
                options.filter,
                options.search,
                options.orderby,
                options.expand,
                options.count);
        return new GraphRequest(method, options.target, options.api, headers, body, query);
    }

    /** {@code Name: value}, one line: a CR or LF would end the header early and start another one. */
    private static GraphRequest.Header header(String header) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
            throw ShellException.usage("--header '" + Printable.of(header) + "' is not 'Name: value'; give it as "
                    + "--header 'ConsistencyLevel: eventual'.");
        }
        String name = header.substring(0, colon).strip();
        String value = header.substring(colon + 1).strip();
        if (!HEADER_NAME.matcher(name).matches()) {
            throw ShellException.usage("--header '" + Printable.of(header) + "': '" + Printable.of(name) + "' is not "
                    + "a header name (letters, digits and -, no spaces); give it as --header 'Name: value'.");
        }
        if (value.chars().anyMatch(c -> c < ' ' && c != '\t' || c == 0x7F)) {
            throw ShellException.usage("--header '" + Printable.of(header) + "' holds a line break or another "
                    + "control character: a header value is one line; remove it.");
        }
        if (name.equalsIgnoreCase("Authorization")) {
            throw ShellException.usage(
                    "--header Authorization is not allowed: the shell sends the connection's token itself.");
        }
        return new GraphRequest.Header(name, value);
    }

    private static void emptyQueryOption(String option, String value, String example) {
        if (value != null && value.isBlank()) {
            throw ShellException.usage(option + " is empty: give " + example + ", or leave the option out.");
        }
    }

    private static JsonObject wrap(JsonElement value) {
        JsonObject row = new JsonObject();
        row.add("value", value);
        return row;
    }

    /** "1,234 items, 13 pages" on a terminal's stderr while paging, erased at the end. */
    private static final class Progress {
        private final ShellOutput output;
        private int pages;

        Progress(ShellOutput output) {
            this.output = output;
        }

        void page(int items) {
            pages++;
            if (output.terminal()) {
                output.err()
                        .print(String.format(
                                "\r%,d item%s, %d page%s...",
                                items, items == 1 ? "" : "s", pages, pages == 1 ? "" : "s"));
                output.err().flush();
            }
        }

        void clear() {
            if (output.terminal() && pages > 0) {
                output.err().print("\r\u001b[K");
                output.err().flush();
            }
        }
    }
}

package dev.entrashell.command;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;
import dev.entrashell.graph.GraphClient;
import dev.entrashell.graph.GraphPermissionMap;
import dev.entrashell.graph.GraphRequest;
import dev.entrashell.graph.GraphResponse;
import dev.entrashell.output.ItemWriter;
import dev.entrashell.output.OutputFormat;
import dev.entrashell.output.PagingProgress;
import dev.entrashell.output.Renderer;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.services.ShellServices;

/**
 * Runs one Graph request command and writes its result. A collection is its items: {@code --output json}
 * is one JSON array of them, the same for one page or {@code --all}, and {@code --query} searches exactly
 * that array; {@code --output raw} is Graph's body as received. Everything that is not data (the total
 * of {@code --count}, the link to the next page, progress) goes to stderr.
 */
final class GraphCall {
    private final ShellServices services;

    GraphCall(ShellServices services) {
        this.services = services;
    }

    void run(String method, GraphRequestOptions options) {
        GraphRequest request = GraphRequests.from(method, options);
        if (options.all && !method.equals("GET")) {
            throw ShellException.usage("--all pages through a collection; it goes with get only.");
        }
        if (options.all && options.format == OutputFormat.raw) {
            throw ShellException.usage("--output raw writes one answer as Graph sent it; with --all, use --output json"
                    + " (one array of every item).");
        }
        JmesQuery query = options.query == null ? null : JmesQuery.compile(options.query); // before any call
        GraphClient client =
                new GraphClient(services.session().require(), services.cancellation(), GraphPermissionMap.load());
        ShellOutput output = services.output();
        try (OutputTarget target = OutputTarget.open(options.out, options.force, output)) {
            boolean person = target.toTerminal();
            List<String> selected = options.select == null
                    ? null
                    : Arrays.stream(options.select.split(","))
                            .map(String::strip)
                            .toList();
            int width = options.out == null ? output.width() : Integer.MAX_VALUE; // a file is never cut
            if (options.all) {
                OutputFormat format =
                        options.format != null ? options.format : person ? OutputFormat.table : OutputFormat.json;
                target.done(allPages(
                        client, request, new Renderer(target.writer(), format, person, width, selected), query));
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
            JsonArray items = items(body);
            OutputFormat format = options.format != null
                    ? options.format
                    : !person ? OutputFormat.json : items != null ? OutputFormat.table : OutputFormat.list;
            Renderer renderer = new Renderer(target.writer(), format, person, width, selected);
            if (items != null) {
                count(body);
            }
            if (query != null) {
                renderer.value(searched(query, items != null ? items : body, items != null));
            } else if (items != null) {
                ItemWriter writer = renderer.collection();
                items.forEach(item -> writer.item(row(item)));
                writer.finish();
            } else {
                renderer.value(body);
            }
            JsonElement next = body.getAsJsonObject().get("@odata.nextLink");
            if (items != null && next != null && next.isJsonPrimitive() && format != OutputFormat.none) {
                target.writer().flush();
                output.err().println("More results: add --all, or get '" + next.getAsString() + "'");
            }
            target.done(items != null ? items.size() : -1);
        } catch (IOException e) {
            throw new ShellException(
                    "Cannot write " + (options.out == null ? "the output" : options.out) + ": " + e.getMessage(), e);
        }
    }

    /** Pages to the end; items stream to the writer unless a query needs them all at once. */
    private int allPages(GraphClient client, GraphRequest request, Renderer renderer, JmesQuery query)
            throws IOException {
        PagingProgress progress = new PagingProgress(services.output());
        JsonArray collected = query == null ? null : new JsonArray();
        ItemWriter writer = query == null ? renderer.collection() : null;
        int[] items = {0};
        try {
            client.pages(request, page -> {
                progress.clear(); // before any row: progress and data may share a terminal
                if (progress.pages() == 0) {
                    count(page);
                }
                JsonElement values = page.get("value");
                if (values != null && values.isJsonArray()) {
                    for (JsonElement item : values.getAsJsonArray()) {
                        items[0]++;
                        if (collected != null) {
                            collected.add(item);
                        } else {
                            writer.item(row(item));
                        }
                    }
                }
                if (writer != null) {
                    writer.pageEnd();
                }
                progress.page(items[0]);
            });
        } catch (ShellException e) {
            if (e.exitCode() == ExitCode.INTERRUPTED) {
                progress.clear();
                if (writer != null) {
                    writer.finish(); // what was written stays well-formed
                }
                throw ShellException.interrupted(
                        String.format("paging stopped after %,d items, %d pages", items[0], progress.pages()));
            }
            throw e;
        } finally {
            progress.clear();
        }
        if (collected != null) {
            renderer.value(searched(query, collected, true));
        } else {
            writer.finish();
        }
        return items[0];
    }

    /** The items of a collection (Graph's {@code value} array), or null for a single object. */
    private static JsonArray items(JsonElement body) {
        JsonElement value = body.isJsonObject() ? body.getAsJsonObject().get("value") : null;
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : null;
    }

    /** {@code --count}: Graph's total, on stderr in every format (the data stays the items). */
    private void count(JsonObject page) {
        JsonElement count = page.get("@odata.count");
        if (count != null && count.isJsonPrimitive()) {
            services.output().err().println(String.format("%,d items in all (@odata.count).", count.getAsLong()));
        }
    }

    private void count(JsonElement body) {
        if (body.isJsonObject()) {
            count(body.getAsJsonObject());
        }
    }

    /**
     * The query's result. A query over a collection sees its items, so one written for Graph's body
     * ({@code value[].displayName}) finds nothing: say so rather than print a silent null.
     */
    private JsonElement searched(JmesQuery query, JsonElement input, boolean collection) {
        JsonElement result = query.search(input);
        if (collection && result.isJsonNull() && query.text().strip().startsWith("value")) {
            services.output()
                    .warn("--query '" + query.text() + "' gave null: it sees the collection's items as one array"
                            + " (as --output json prints them), not Graph's {\"value\": [...]}; write '"
                            + query.text().strip().substring("value".length()) + "' instead.");
        }
        return result;
    }

    private static JsonObject row(JsonElement item) {
        if (item.isJsonObject()) {
            return item.getAsJsonObject();
        }
        JsonObject row = new JsonObject();
        row.add("value", item);
        return row;
    }
}

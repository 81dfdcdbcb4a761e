package dev.entrashell.output;

import java.io.PrintWriter;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A collection as Graph shapes it, {@code {"value": [...]}}, written item by item: pretty on a terminal,
 * one item per line otherwise (still one JSON document, and easy to diff or grep).
 */
final class JsonItemsWriter implements ItemWriter {
    private final PrintWriter out;
    private final boolean pretty;
    private final JsonElement count;
    private boolean first = true;

    JsonItemsWriter(PrintWriter out, boolean pretty, JsonElement count) {
        this.out = out;
        this.pretty = pretty;
        this.count = count;
        out.print("{");
        if (count != null) {
            out.print(pretty ? "\n  \"@odata.count\": " + count + "," : "\"@odata.count\":" + count + ",");
        }
        out.print(pretty ? "\n  \"value\": [" : "\"value\":[");
    }

    @Override
    public void item(JsonObject item) {
        out.print(first ? "" : ",");
        first = false;
        if (pretty) {
            out.print("\n    " + Json.pretty(item).replace("\n", "\n    "));
        } else {
            out.print("\n" + Json.compact(item));
        }
    }

    @Override
    public void pageEnd() {
        out.flush();
    }

    @Override
    public void finish() {
        out.println(first ? "]}" : pretty ? "\n  ]\n}" : "\n]}");
        out.flush();
    }

    JsonElement count() {
        return count;
    }
}

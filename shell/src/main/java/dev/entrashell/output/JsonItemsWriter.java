package dev.entrashell.output;

import java.io.PrintWriter;

import com.google.gson.JsonObject;

/**
 * A collection as its items, one JSON array, written item by item as pages arrive: the same document for
 * one page or for {@code --all}, and exactly what {@code --query} is applied to. Pretty on a terminal, one
 * item per line otherwise (still one JSON document, and easy to diff or grep).
 */
final class JsonItemsWriter implements ItemWriter {
    private final PrintWriter out;
    private final boolean pretty;
    private boolean first = true;

    JsonItemsWriter(PrintWriter out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
        out.print("[");
    }

    @Override
    public void item(JsonObject item) {
        out.print(first ? "" : ",");
        first = false;
        out.print("\n" + (pretty ? "  " + Json.pretty(item).replace("\n", "\n  ") : Json.compact(item)));
    }

    @Override
    public void pageEnd() {
        out.flush();
    }

    @Override
    public void finish() {
        out.println(first ? "]" : "\n]");
        out.flush();
    }
}

package dev.entrashell.output;

import java.io.PrintWriter;

import com.google.gson.JsonObject;

/** Each item as {@code Name : value} lines, a blank line between items. */
final class ListItemsWriter implements ItemWriter {
    private final PrintWriter out;
    private boolean first = true;

    ListItemsWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void item(JsonObject item) {
        if (!first) {
            out.println();
        }
        first = false;
        ListPrinter.print(out, item);
    }

    @Override
    public void pageEnd() {
        out.flush();
    }

    @Override
    public void finish() {
        if (first) {
            out.println("(no items)");
        }
        out.flush();
    }
}

package dev.entrashell.output;

import java.io.PrintWriter;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Puts results in the chosen format: collections item by item, single objects, and query results. */
public final class Renderer {
    private final PrintWriter out;
    private final OutputFormat format;
    private final boolean pretty;
    private final int width;
    private final List<String> selected;

    /**
     * @param pretty whether a person reads it (pretty JSON); {@code selected} fixes the columns of tabular formats
     */
    public Renderer(PrintWriter out, OutputFormat format, boolean pretty, int width, List<String> selected) {
        this.out = out;
        this.format = format;
        this.pretty = pretty;
        this.width = width;
        this.selected = selected;
    }

    /** A writer for the items of a collection. */
    public ItemWriter collection() {
        return switch (format) {
            case table -> new TableItemsWriter(out, width, selected);
            case list -> new ListItemsWriter(out);
            case csv -> new DelimitedWriter(out, false, selected);
            case tsv -> new DelimitedWriter(out, true, selected);
            case none -> new NoItems();
            case json, raw -> new JsonItemsWriter(out, pretty);
        };
    }

    /** One object: a list by default, or one row of a table, or JSON. */
    public void object(JsonObject object) {
        switch (format) {
            case list -> ListPrinter.print(out, object);
            case table, csv, tsv -> {
                ItemWriter writer = collection();
                writer.item(object);
                writer.finish();
            }
            case none -> {}
            case json, raw -> out.println(pretty ? Json.pretty(object) : Json.compact(object));
        }
        out.flush();
    }

    /** Any JSON value, as a {@code --query} can return: objects and arrays of objects as above, scalars as text. */
    public void value(JsonElement value) {
        if (format == OutputFormat.none) {
            return;
        }
        if (value.isJsonObject()) {
            object(value.getAsJsonObject());
        } else if (value.isJsonArray()
                && format != OutputFormat.json
                && format != OutputFormat.raw
                && allObjects(value.getAsJsonArray())) {
            ItemWriter writer = collection();
            value.getAsJsonArray().forEach(item -> writer.item(item.getAsJsonObject()));
            writer.finish();
        } else if (value.isJsonArray() && format != OutputFormat.json && format != OutputFormat.raw) {
            value.getAsJsonArray().forEach(item -> out.println(Json.cell(item)));
        } else if (format == OutputFormat.json || format == OutputFormat.raw || !value.isJsonPrimitive()) {
            out.println(pretty ? Json.pretty(value) : Json.compact(value));
        } else {
            out.println(Json.cell(value));
        }
        out.flush();
    }

    private static boolean allObjects(JsonArray array) {
        return !array.isEmpty() && array.asList().stream().allMatch(JsonElement::isJsonObject);
    }

    private static final class NoItems implements ItemWriter {
        @Override
        public void item(JsonObject item) {}

        @Override
        public void finish() {}
    }
}

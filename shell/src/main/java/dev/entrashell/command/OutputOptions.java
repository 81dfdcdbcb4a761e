package dev.entrashell.command;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.output.ItemWriter;
import dev.entrashell.output.OutputFormat;
import dev.entrashell.output.Renderer;
import dev.entrashell.output.ShellOutput;
import picocli.CommandLine.Option;

/**
 * {@code --output} and {@code --query} for the commands that list or show things of the shell's own
 * (certificates, environments), as the Graph commands take them: a table or list for a person, JSON
 * otherwise, and the query applied to exactly what {@code --output json} prints.
 */
final class OutputOptions {
    @Option(
            names = {"--output", "-o"},
            paramLabel = "FORMAT",
            description =
                    "table, list, json, csv, tsv or none. Default on a terminal: table for a listing, list for one item; json otherwise.")
    OutputFormat format;

    @Option(
            names = "--query",
            paramLabel = "JMESPATH",
            description = "A JMESPath expression applied to what --output json prints, such as \"[].Name\".")
    String query;

    /** Rows, as a table on a terminal: a collection for tabular formats, a JSON array for json. */
    void rows(ShellOutput output, List<JsonObject> rows) {
        OutputFormat chosen = chosen(output, OutputFormat.table);
        Renderer renderer = new Renderer(output.out(), chosen, output.terminal(), output.width(), null);
        JsonArray array = new JsonArray();
        rows.forEach(array::add);
        if (query != null) {
            renderer.value(JmesQuery.compile(query).search(array));
        } else if (chosen == OutputFormat.json || chosen == OutputFormat.raw) {
            renderer.value(array);
        } else {
            ItemWriter writer = renderer.collection();
            rows.forEach(writer::item);
            writer.finish();
        }
    }

    /** One object, as a list on a terminal. */
    void object(ShellOutput output, JsonObject object) {
        Renderer renderer =
                new Renderer(output.out(), chosen(output, OutputFormat.list), output.terminal(), output.width(), null);
        if (query != null) {
            renderer.value(JmesQuery.compile(query).search(object));
        } else {
            renderer.object(object);
        }
    }

    private OutputFormat chosen(ShellOutput output, OutputFormat forPeople) {
        return format != null ? format : output.terminal() ? forPeople : OutputFormat.json;
    }
}

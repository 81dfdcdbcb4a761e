package dev.entrashell.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.graph.GraphClient;
import dev.entrashell.graph.GraphResponse;
import dev.entrashell.output.Json;
import dev.entrashell.output.ListPrinter;
import dev.entrashell.output.OutputFormat;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.output.TablePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "get",
        description = "GET a Graph resource, such as /users or /organization.",
        footer = {
            "",
            "Examples:",
            "  get /organization",
            "  get '/users?$top=5' --output json",
            "  get /users/adele.vance@contoso.com"
        })
final class GetCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            paramLabel = "PATH_OR_URL",
            description =
                    "A path relative to the Graph endpoint (with a query if needed), or a full URL on that endpoint.")
    String target;

    @Option(
            names = "--api",
            paramLabel = "VERSION",
            defaultValue = "v1.0",
            description = "v1.0 or beta (default: ${DEFAULT-VALUE}).")
    String api;

    @Option(
            names = {"--output", "-o"},
            paramLabel = "FORMAT",
            description =
                    "table, list or json. Default: table for collections and list for one object on a terminal, json otherwise.")
    OutputFormat format;

    private final ShellServices services;

    GetCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        if (!api.equals("v1.0") && !api.equals("beta")) {
            throw dev.entrashell.ShellException.usage("--api '" + api + "' is not a Graph version: use v1.0 or beta.");
        }
        GraphResponse response = new GraphClient(services.session().require()).get(target, api);
        render(response.json(), services.output());
    }

    private void render(JsonElement body, ShellOutput output) {
        PrintWriter out = output.out();
        JsonElement items = body.isJsonObject() ? body.getAsJsonObject().get("value") : null;
        boolean collection = items != null && items.isJsonArray();
        OutputFormat chosen = format != null
                ? format
                : !output.terminal() ? OutputFormat.json : collection ? OutputFormat.table : OutputFormat.list;
        if (chosen == OutputFormat.json || !body.isJsonObject()) {
            out.println(Json.pretty(body));
            return;
        }
        if (!collection) {
            ListPrinter.print(out, body.getAsJsonObject());
            return;
        }
        List<JsonObject> rows = new ArrayList<>();
        items.getAsJsonArray().forEach(item -> rows.add(item.isJsonObject() ? item.getAsJsonObject() : wrap(item)));
        if (chosen == OutputFormat.table) {
            TablePrinter.print(out, rows, output.width());
        } else {
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                ListPrinter.print(out, rows.get(i));
            }
        }
        JsonElement next = body.getAsJsonObject().get("@odata.nextLink");
        if (next != null && next.isJsonPrimitive()) {
            out.flush(); // the hint belongs after the table, and stderr is not buffered
            output.err().println("More results: get '" + next.getAsString() + "'");
        }
    }

    private static JsonObject wrap(JsonElement value) {
        JsonObject row = new JsonObject();
        row.add("value", value);
        return row;
    }
}

package dev.entrashell.command;

import com.google.gson.GsonBuilder;

import dev.entrashell.connection.ContextView;
import dev.entrashell.output.Json;
import dev.entrashell.output.ListPrinter;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "context", description = "Show the current connection, as Get-EntraContext does.")
final class ContextCommand implements Runnable {
    enum Format {
        list,
        json
    }

    @Mixin
    HelpOption help;

    @Option(
            names = {"--output", "-o"},
            paramLabel = "FORMAT",
            defaultValue = "list",
            description = "list or json (default: ${DEFAULT-VALUE}).")
    Format format;

    private final ShellServices services;

    ContextCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        ContextView view = ContextView.of(services.session().require());
        if (format == Format.json) {
            services.output()
                    .out()
                    .println(Json.pretty(
                            new GsonBuilder().serializeNulls().create().toJsonTree(view.fields())));
        } else {
            ListPrinter.print(services.output().out(), view.asText());
        }
    }
}

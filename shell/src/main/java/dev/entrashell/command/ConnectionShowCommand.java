package dev.entrashell.command;

import java.util.Optional;

import com.google.gson.JsonObject;

import dev.entrashell.connection.LiveConnection;
import dev.entrashell.connection.SavedConnection;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "show",
        description = "One connection: how it is saved (the connect options, never a secret) and its live state.")
final class ConnectionShowCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    OutputOptions output;

    @Mixin
    ConnectionNameArgument connection;

    private final ShellServices services;

    ConnectionShowCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        Optional<LiveConnection> live = services.session().live(connection.name);
        Optional<SavedConnection> saved = services.savedConnections().find(connection.name);
        if (saved.isEmpty() && live.isEmpty()) {
            services.savedConnections()
                    .require(connection.name); // the one-line "no saved connection" with the saved names
        }
        JsonObject row = ConnectionRows.row(services, saved.orElse(null), live);
        row.addProperty("Saved", saved.isPresent());
        row.addProperty(
                "ConnectOptions",
                saved.map(s -> String.join(
                                " ",
                                s.connectArguments().stream()
                                        .map(LineTokenizer::quote)
                                        .toList()))
                        .orElse(null));
        output.object(services.output(), row);
    }
}

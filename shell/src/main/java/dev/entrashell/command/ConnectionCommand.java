package dev.entrashell.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "connection",
        description = "Saved and live connections: list them, switch between them, show or remove one.",
        subcommands = {
            ConnectionListCommand.class,
            ConnectionUseCommand.class,
            ConnectionShowCommand.class,
            ConnectionRemoveCommand.class
        },
        footer = {
            "",
            "Save one with: connect ... --name NAME. Several can be live at once, each renewing its own token;",
            "'connection use NAME' switches at once, without a token request while the token is valid.",
            "Saved connections (references, never secrets) live in $ENTRA_SHELL_HOME/connections.json."
        })
final class ConnectionCommand {
    @Mixin
    HelpOption help;
}

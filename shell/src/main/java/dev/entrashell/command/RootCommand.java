package dev.entrashell.command;

import picocli.CommandLine.Command;

/** The commands a line can start with. */
@Command(
        name = "entra-shell",
        subcommands = {
            ConnectCommand.class,
            ConnectionCommand.class,
            ContextCommand.class,
            DisconnectCommand.class,
            TokenCommand.class,
            GetCommand.class,
            PostCommand.class,
            PutCommand.class,
            PatchCommand.class,
            DeleteCommand.class,
            PermissionsCommand.class,
            RunCommand.class,
            GroovyCommand.class,
            EnvironmentCommand.class,
            CertCommand.class,
            HistoryCommand.class,
            ClearCommand.class,
            HelpCommand.class,
            ExitCommand.class
        })
public final class RootCommand {}

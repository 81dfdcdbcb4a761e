package dev.entrashell.command;

import dev.entrashell.connection.LiveConnection;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "use",
        description = "Make a connection the active one: at once when it is live (no token request), "
                + "else by connecting it the saved way.")
final class ConnectionUseCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionNameArgument connection;

    private final ShellServices services;

    ConnectionUseCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        if (services.session().use(connection.name)) {
            LiveConnection active = services.session().active().orElseThrow();
            services.output()
                    .err()
                    .println("Active: " + active.labelWithEnvironment() + ", tenant "
                            + active.connection().tenant() + ".");
            return;
        }
        services.savedConnections().require(connection.name); // not live and not saved: one line naming the saved ones
        CommandLine connect =
                new CommandLine(ConnectCommand.class, spec.commandLine().getFactory());
        connect.parseArgs(connection.name);
        ((Runnable) connect.getCommand()).run();
    }
}

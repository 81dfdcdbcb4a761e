package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "remove",
        description = "Forget a saved connection (and disconnect it, when it is live). Its files are left alone.")
final class ConnectionRemoveCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    ConnectionNameArgument connection;

    private final ShellServices services;

    ConnectionRemoveCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        boolean live = services.session().disconnect(connection.name).isPresent();
        if (!services.savedConnections().remove(connection.name)) {
            if (!live) {
                services.savedConnections().require(connection.name); // one line naming the saved ones
            }
            services.output().err().println("Disconnected '" + connection.name + "'; it was not saved.");
            return;
        }
        services.output()
                .err()
                .println("Removed the saved connection '" + connection.name + "'"
                        + (live ? " and disconnected it." : "."));
    }
}

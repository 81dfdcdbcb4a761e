package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "disconnect", description = "Forget the connection and its tokens.")
final class DisconnectCommand implements Runnable {
    @Mixin
    HelpOption help;

    private final ShellServices services;

    DisconnectCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        services.session()
                .disconnect()
                .ifPresentOrElse(
                        closed -> services.output()
                                .err()
                                .println("Disconnected from tenant " + closed.tenant() + " (app " + closed.clientId()
                                        + ")."),
                        () -> services.output().err().println("Not connected; nothing to disconnect."));
    }
}

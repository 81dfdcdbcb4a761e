package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "The saved and live connections; the active one is marked.")
final class ConnectionListCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    OutputOptions output;

    private final ShellServices services;

    ConnectionListCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        output.rows(services.output(), ConnectionRows.all(services));
    }
}

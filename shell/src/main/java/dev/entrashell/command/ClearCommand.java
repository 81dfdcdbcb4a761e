package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "clear", aliases = "cls", description = "Clear the screen.")
final class ClearCommand implements Runnable {
    @Mixin
    HelpOption help;

    private final ShellServices services;

    ClearCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        services.output().clearScreen();
    }
}

package dev.entrashell.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "exit", aliases = "quit", description = "Leave the shell (Ctrl-D does too).")
final class ExitCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Override
    public void run() {
        throw new ExitRequest();
    }
}

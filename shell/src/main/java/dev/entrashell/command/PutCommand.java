package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "put",
        description = "PUT a Graph resource.",
        footer = {"", GraphRequestOptions.DEADLINE, GraphRequestOptions.ONE_ORIGIN})
final class PutCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    GraphRequestOptions request;

    private final ShellServices services;

    PutCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        new GraphCall(services).run("PUT", request);
    }
}

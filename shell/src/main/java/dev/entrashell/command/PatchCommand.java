package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "patch",
        description = "PATCH a Graph resource: change some of its properties.",
        footer = {"", GraphRequestOptions.DEADLINE, GraphRequestOptions.ONE_ORIGIN})
final class PatchCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    GraphRequestOptions request;

    private final ShellServices services;

    PatchCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        new GraphCall(services).run("PATCH", request);
    }
}

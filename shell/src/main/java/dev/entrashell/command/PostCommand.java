package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "post",
        description = "POST to a Graph resource: create, or call an action such as /applications/ID/addPassword.",
        footer = {"", GraphRequestOptions.DEADLINE, GraphRequestOptions.ONE_ORIGIN})
final class PostCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    GraphRequestOptions request;

    private final ShellServices services;

    PostCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        new GraphCall(services).run("POST", request);
    }
}

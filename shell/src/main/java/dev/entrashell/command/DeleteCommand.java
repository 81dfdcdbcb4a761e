package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "delete",
        description = "DELETE a Graph resource.",
        footer = {"", GraphRequestOptions.DEADLINE, GraphRequestOptions.ONE_ORIGIN})
final class DeleteCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    GraphRequestOptions request;

    private final ShellServices services;

    DeleteCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        if (request.force || new DeleteConfirmation(services).confirmed(request.target)) {
            new GraphCall(services).run("DELETE", request);
        }
    }
}

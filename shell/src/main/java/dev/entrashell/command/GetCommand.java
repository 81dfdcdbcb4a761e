package dev.entrashell.command;

import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "get",
        description = "GET a Graph resource, such as /users or /organization.",
        footer = {
            "",
            "Examples:",
            "  get /organization",
            "  get /users --top 5 --select displayName,userPrincipalName",
            "  get /users --all --filter \"userType eq 'Guest'\" --output csv --out guests.csv",
            "  get /groups --search 'displayName:sales' --count --query \"[].displayName\"",
            "",
            GraphRequestOptions.DEADLINE,
            GraphRequestOptions.ONE_ORIGIN
        })
final class GetCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    GraphRequestOptions request;

    private final ShellServices services;

    GetCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        new GraphCall(services).run("GET", request);
    }
}

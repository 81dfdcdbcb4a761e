package dev.entrashell.command;

import java.util.List;

import dev.entrashell.connection.LiveConnection;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "disconnect",
        description = "Forget a live connection and its tokens: the active one, the one named, or all of them. "
                + "A saved connection stays saved.")
final class DisconnectCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            completionCandidates = ConnectionNames.class,
            description = "The live connection to forget (default: the active one).")
    String name;

    @Option(names = "--all", description = "Forget every live connection.")
    boolean all;

    private final ShellServices services;

    DisconnectCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        if (all && name != null) {
            throw ShellException.usage("Give a NAME or --all, not both.");
        }
        if (all) {
            List<LiveConnection> closed = services.session().disconnectAll();
            services.output()
                    .err()
                    .println(
                            closed.isEmpty()
                                    ? "Not connected; nothing to disconnect."
                                    : "Disconnected "
                                            + String.join(
                                                    ", ",
                                                    closed.stream()
                                                            .map(LiveConnection::label)
                                                            .toList()) + ".");
            return;
        }
        if (name != null) {
            LiveConnection closed = services.session()
                    .disconnect(name)
                    .orElseThrow(
                            () -> ShellException.usage("No live connection '" + name + "'; live: " + live() + "."));
            said(closed);
            return;
        }
        services.session().disconnect().ifPresentOrElse(this::said, () -> services.output()
                .err()
                .println("Not connected; nothing to disconnect."));
    }

    private void said(LiveConnection closed) {
        String others = live();
        services.output()
                .err()
                .println("Disconnected from tenant " + closed.connection().tenant() + " (app "
                        + closed.connection().clientId() + ")"
                        + (closed.name() == null ? "" : ", '" + closed.name() + "'")
                        + "."
                        + (others.equals("none") || services.session().active().isPresent()
                                ? ""
                                : " Still live: " + others + "; choose one with: connection use NAME"));
    }

    private String live() {
        List<LiveConnection> live = services.session().all();
        return live.isEmpty()
                ? "none"
                : String.join(", ", live.stream().map(LiveConnection::label).toList());
    }
}

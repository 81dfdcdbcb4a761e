package dev.entrashell.command;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;

import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "environment",
        description = "List, add or remove clouds (login and Graph endpoints).",
        subcommands = {
            EnvironmentCommand.ListEnvironments.class,
            EnvironmentCommand.Add.class,
            EnvironmentCommand.Remove.class
        })
final class EnvironmentCommand {
    @Mixin
    HelpOption help;

    @Command(name = "list", description = "Show the built-in and added environments.")
    static final class ListEnvironments implements Runnable {
        @Mixin
        HelpOption help;

        @Mixin
        OutputOptions output;

        private final ShellServices services;

        ListEnvironments(ShellServices services) {
            this.services = services;
        }

        @Override
        public void run() {
            List<JsonObject> rows = services.environments().list().stream()
                    .map(ListEnvironments::row)
                    .collect(Collectors.toList());
            output.rows(services.output(), rows);
        }

        private static JsonObject row(Environment environment) {
            JsonObject row = new JsonObject();
            row.addProperty("Name", environment.name());
            row.addProperty("LoginEndpoint", environment.login().toString());
            row.addProperty("GraphEndpoint", environment.graph().toString());
            row.addProperty("Type", environment.builtIn() ? "Built-in" : "User-defined");
            row.addProperty(
                    "CaFile",
                    environment.caFile() == null ? "" : environment.caFile().toString());
            return row;
        }
    }

    @Command(name = "add", description = "Add (or replace) an environment; it is kept in $ENTRA_SHELL_HOME.")
    static final class Add implements Runnable {
        @Mixin
        HelpOption help;

        @Parameters(
                index = "0",
                paramLabel = "NAME",
                description = "The environment's name, used with connect --environment.")
        String name;

        @Option(
                names = {"--login-endpoint", "--azure-ad-endpoint"},
                required = true,
                paramLabel = "URL",
                description = "Where tokens come from, such as https://login.microsoftonline.com.")
        String login;

        @Option(
                names = "--graph-endpoint",
                required = true,
                paramLabel = "URL",
                description = "Microsoft Graph's base URL, such as https://graph.microsoft.com.")
        String graph;

        @Option(
                names = "--ca-file",
                paramLabel = "PEM",
                description = "Also trust this CA for these endpoints (private clouds, TLS-inspecting proxies).")
        Path caFile;

        private final ShellServices services;

        Add(ShellServices services) {
            this.services = services;
        }

        @Override
        public void run() {
            Environment added = services.environments().add(name, login, graph, caFile);
            services.output()
                    .err()
                    .println("Environment " + added.name() + " saved: login " + added.login() + ", Graph "
                            + added.graph() + (added.caFile() == null ? "" : ", trusting CA " + added.caFile()) + ".");
        }
    }

    @Command(name = "remove", description = "Remove an added environment.")
    static final class Remove implements Runnable {
        @Mixin
        HelpOption help;

        @Parameters(index = "0", paramLabel = "NAME", completionCandidates = EnvironmentNames.class)
        String name;

        private final ShellServices services;

        Remove(ShellServices services) {
            this.services = services;
        }

        @Override
        public void run() {
            services.environments().remove(name);
            services.output().err().println("Environment " + name + " removed.");
        }
    }
}

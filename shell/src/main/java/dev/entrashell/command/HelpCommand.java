package dev.entrashell.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import dev.entrashell.errors.ShellException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "help", description = "List the commands, or show one command's options: help COMMAND.")
final class HelpCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "0..*",
            paramLabel = "COMMAND",
            description = "A command, such as connect or 'environment add'.")
    List<String> command;

    @Override
    public void run() {
        CommandLine root = spec.commandLine().getParent();
        PrintWriter out = spec.commandLine().getOut();
        if (command == null || command.isEmpty()) {
            out.println("Commands (help COMMAND for details):");
            int width = root.getSubcommands().keySet().stream()
                    .mapToInt(String::length)
                    .max()
                    .orElse(8);
            for (Map.Entry<String, CommandLine> entry : root.getSubcommands().entrySet()) {
                CommandLine.Model.CommandSpec sub = entry.getValue().getCommandSpec();
                if (!sub.name().equals(entry.getKey())) {
                    continue; // an alias: listed with its command
                }
                String[] description = sub.usageMessage().description();
                String aliases = sub.aliases().length == 0 ? "" : " (also: " + String.join(", ", sub.aliases()) + ")";
                out.printf(
                        "  %-" + width + "s  %s%s%n",
                        entry.getKey(),
                        description.length == 0 ? "" : description[0],
                        aliases);
            }
            out.println(
                    "Lines starting with # are comments. Ctrl-C cancels a line or a running command; Ctrl-D leaves.");
            return;
        }
        CommandLine target = root;
        for (String name : command) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw ShellException.usage(
                        "No command '" + String.join(" ", command) + "'. Type 'help' for the commands.");
            }
            target = next;
        }
        target.usage(out);
    }
}

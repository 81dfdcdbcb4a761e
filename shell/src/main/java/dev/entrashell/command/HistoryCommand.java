package dev.entrashell.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", description = "Show the lines typed before (secrets are never kept in history).")
final class HistoryCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Option(
            names = {"-n", "--last"},
            paramLabel = "N",
            defaultValue = "50",
            description = "How many lines (default: ${DEFAULT-VALUE}).")
    int last;

    private final ShellServices services;

    HistoryCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        Path file = services.home().historyFile();
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ShellException("Cannot read the history file " + file + ": " + e.getMessage(), e);
        }
        PrintWriter out = services.output().out();
        int from = Math.max(0, lines.size() - Math.max(0, last));
        for (int i = from; i < lines.size(); i++) {
            out.printf("%5d  %s%n", i + 1, typed(lines.get(i)));
        }
    }

    /** The history file stores {@code MILLIS:LINE} with newlines and backslashes escaped. */
    private static String typed(String stored) {
        int colon = stored.indexOf(':');
        String line = colon > 0 && stored.substring(0, colon).chars().allMatch(Character::isDigit)
                ? stored.substring(colon + 1)
                : stored;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                text.append(next == 'n' ? ' ' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}

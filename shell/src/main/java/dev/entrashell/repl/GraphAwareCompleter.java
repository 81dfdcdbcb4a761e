package dev.entrashell.repl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import dev.entrashell.graph.GraphPathCompletion;
import dev.entrashell.graph.GraphPermissionHints;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Picocli's completion of commands, options and option values, plus Graph paths after the five
 * request verbs, segment by segment ({@link GraphPathCompletion}), which a fixed candidate list
 * cannot do because the ids in a path are the user's own. The command model is built at the first Tab
 * and the endpoint table read at the first Tab after a verb: neither before the first prompt.
 */
final class GraphAwareCompleter implements Completer {
    private static final Map<String, String> VERBS =
            Map.of("get", "GET", "post", "POST", "put", "PUT", "patch", "PATCH", "delete", "DELETE");

    private final Supplier<CommandSpec> model;
    private CommandSpec root;
    private Completer commands;
    private GraphPermissionHints endpoints;

    /** {@code model} builds the command model; it is asked on the first Tab, not before the first prompt. */
    GraphAwareCompleter(Supplier<CommandSpec> model) {
        this.model = model;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (root == null) {
            root = model.get();
            commands = new PicocliJLineCompleter(root);
        }
        String method = graphPathPosition(line);
        if (method == null) {
            commands.complete(reader, line, candidates);
            return;
        }
        if (endpoints == null) {
            endpoints = GraphPermissionHints.load();
        }
        List<String> templates = endpoints.pathsFor(method);
        GraphPathCompletion completion =
                new GraphPathCompletion(templates.isEmpty() ? endpoints.pathsFor("GET") : templates);
        for (GraphPathCompletion.Candidate path : completion.complete(line.word())) {
            candidates.add(new Candidate(path.path(), path.path(), null, null, null, null, path.complete()));
        }
    }

    /** The HTTP method when the word being typed is a verb's path (not an option or an option's value). */
    private String graphPathPosition(ParsedLine line) {
        List<String> words = line.words();
        if (line.wordIndex() < 1 || words.isEmpty()) {
            return null;
        }
        String verb = words.get(0).toLowerCase(Locale.ROOT);
        String method = VERBS.get(verb);
        if (method == null || !line.word().startsWith("/") && !line.word().isEmpty()) {
            return null;
        }
        CommandLine command = root.subcommands().get(verb);
        for (int i = 1; i < line.wordIndex(); i++) {
            String word = words.get(i);
            OptionSpec option =
                    command == null ? null : command.getCommandSpec().findOption(word);
            if (option == null && !word.startsWith("-")) {
                return null; // the path is already given
            }
            if (option != null && option.arity().max() > 0 && i + 1 == line.wordIndex()) {
                return null; // this word is the option's value, such as --out /tmp/users.csv
            }
            if (option != null && option.arity().max() > 0) {
                i++; // skip the option's value
            }
        }
        return method;
    }
}

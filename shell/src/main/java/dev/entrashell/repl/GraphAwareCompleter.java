package dev.entrashell.repl;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import dev.entrashell.graph.GraphPathCompletion;
import dev.entrashell.graph.GraphPermissionMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Picocli's completion of commands, options and option values, plus Graph paths after the five
 * request verbs, segment by segment ({@link GraphPathCompletion}), which a fixed candidate list
 * cannot do because the ids in a path are the user's own; file and folder names for every argument that
 * takes a path ({@link PathNames}), after the {@code @} of {@code --body @FILE}; and command names after
 * {@code help}. The command model is built at the first Tab
 * and the endpoint table read at the first Tab after a verb: neither before the first prompt.
 */
final class GraphAwareCompleter implements Completer {
    private static final Map<String, String> VERBS =
            Map.of("get", "GET", "post", "POST", "put", "PUT", "patch", "PATCH", "delete", "DELETE");

    private final Supplier<CommandSpec> model;
    private CommandSpec root;
    private Completer commands;
    private GraphPermissionMap endpoints;
    private final PathNames paths = new PathNames();

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
        WordRole role = WordRole.of(root, line);
        String method = graphPathPosition(role, line.word());
        if (method != null) {
            graphPaths(method, line.word(), candidates);
            return;
        }
        commands.complete(reader, line, candidates); // commands, options and the values picocli knows
        String value = line.word().substring(role.prefix().length());
        if (PathNames.taken(role.argument())) {
            paths.complete(reader, line, role.prefix(), candidates);
        } else if (role.isOption("--body") && value.startsWith("@")) {
            paths.complete(reader, line, role.prefix() + "@", candidates);
        } else if (role.isPositionalOf("help")) {
            helpTopics(line, candidates);
        }
    }

    private void graphPaths(String method, String word, List<Candidate> candidates) {
        if (endpoints == null) {
            endpoints = GraphPermissionMap.load();
        }
        Map<String, String> templates = endpoints.pathsFor(method);
        GraphPathCompletion completion =
                new GraphPathCompletion(templates.isEmpty() ? endpoints.pathsFor("GET") : templates);
        for (GraphPathCompletion.Candidate path : completion.complete(word)) {
            // the description shows beside the offer: the least privileged role the call needs
            candidates.add(new Candidate(path.path(), path.path(), null, path.role(), null, null, path.complete()));
        }
    }

    /** The HTTP method when the word being typed is a verb's path (not an option or an option's value). */
    private static String graphPathPosition(WordRole role, String word) {
        String method = VERBS.get(role.command().name());
        boolean path = role.argument() instanceof PositionalParamSpec parameter
                && parameter.index().min() == 0;
        return method != null && path && (word.isEmpty() || word.startsWith("/")) ? method : null;
    }

    /** {@code help cert n}: the commands, or the subcommands of the command named so far. */
    private void helpTopics(ParsedLine line, List<Candidate> candidates) {
        CommandSpec topic = root;
        for (String word : line.words().subList(1, line.wordIndex())) {
            CommandLine sub = topic.subcommands().get(word);
            if (sub == null) {
                return; // help for something that has no subcommands: nothing more to name
            }
            topic = sub.getCommandSpec();
        }
        for (Map.Entry<String, CommandLine> sub : topic.subcommands().entrySet()) {
            candidates.add(new Candidate(sub.getKey(), sub.getKey(), null, null, null, null, true));
        }
    }
}

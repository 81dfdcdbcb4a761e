package dev.entrashell.command;

import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The picocli trees lines are parsed with. Building one (every command's model, by reflection over its
 * annotations) cost some 5 ms, more than the Graph request of a piped {@code get}, so a tree is built
 * once and parsed again for each line. No option value survives from one line to the next: picocli's
 * parse resets every option and parameter of the commands it matches (mixins included) to its initial
 * value, argument groups are cleared here, and the commands keep nothing else between lines
 * ({@code LineReuseTest} checks all three).
 *
 * <p>A line takes a tree that no running line holds (or a new one) and gives it back when done: a line a
 * script runs with {@code shell(line)} while its own line still runs gets another tree, so the outer
 * command's fields stay its own.
 */
final class CommandTrees {
    /** Lines that may hold a secret (an inline --secret or --access-token): their tree is not kept. */
    private static final Set<String> NOT_KEPT_AFTER = Set.of("connect");

    /** More idle trees than nested script lines ever need at once are let go. */
    private static final int MOST_KEPT = 4;

    private final Supplier<CommandLine> builder;
    private final Deque<CommandLine> idle = new ConcurrentLinkedDeque<>();

    CommandTrees(Supplier<CommandLine> builder) {
        this.builder = builder;
    }

    /** A tree for a line: one no line holds (cleared), or a new one. */
    CommandLine take() {
        CommandLine tree = idle.poll();
        if (tree == null) {
            return builder.get();
        }
        clearArgGroups(tree.getCommandSpec());
        return tree;
    }

    /** The tree back, once its line has ended (run, failed or refused). */
    void giveBack(CommandLine tree, String firstWord) {
        if (!NOT_KEPT_AFTER.contains(firstWord) && idle.size() < MOST_KEPT) {
            idle.push(tree);
        }
    }

    /**
     * picocli resets options and parameters at each parse, but not an argument group's object (connect's
     * credential forms): a line that leaves the group out would find the object an earlier line filled.
     * A new tree has none (the fields start empty), so neither may a reused one.
     */
    static void clearArgGroups(CommandSpec command) {
        for (ArgGroupSpec group : command.argGroups()) {
            try {
                group.setter().set(null);
                // the group's options write into the group's object through their scope: none until matched
                for (ArgSpec arg : group.allOptionsNested()) {
                    arg.scope().set(null);
                }
                for (ArgSpec arg : group.allPositionalParametersNested()) {
                    arg.scope().set(null);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot clear the option group " + group.synopsis(), e);
            }
        }
        for (CommandLine sub : command.subcommands().values()) {
            clearArgGroups(sub.getCommandSpec());
        }
    }
}

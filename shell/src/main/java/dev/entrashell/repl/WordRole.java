package dev.entrashell.repl;

import java.util.List;
import java.util.Locale;

import org.jline.reader.ParsedLine;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the word at the cursor is, read from the command model as picocli would parse the line: the value
 * of an option ({@code --out /tm}, {@code --out=/tm}), a positional parameter ({@code cert show FILE}),
 * or neither (a command or an option name). Picocli's own completer offers fixed candidates only, so the
 * shell's completer needs to know which argument it completes to offer file names or Graph paths.
 *
 * @param command the (sub)command the word belongs to; the root while the command itself is typed
 * @param argument the option or positional parameter the word is a value of; null for none
 * @param prefix what the word holds before the value: {@code --out=} in {@code --out=/tmp}, else empty
 * @param position the positional parameter's index ({@code help cert new}: 1 for {@code new})
 */
record WordRole(CommandSpec command, ArgSpec argument, String prefix, int position) {
    static WordRole of(CommandSpec root, ParsedLine line) {
        List<String> words = line.words();
        int current = line.wordIndex();
        CommandSpec command = root;
        int i = 0;
        while (i < current && subcommand(command, words.get(i)) != null) {
            command = subcommand(command, words.get(i++));
        }
        int position = 0;
        for (; i < current; i++) {
            String word = words.get(i);
            OptionSpec option = word.startsWith("-") ? command.findOption(word) : null;
            if (option != null && option.arity().max() > 0) {
                if (i + 1 == current) {
                    return new WordRole(command, option, "", 0);
                }
                i++; // its value
            } else if (option == null && !(word.startsWith("-") && word.length() > 1)) {
                position++; // a positional parameter; an unknown option or --opt=value is not one
            }
        }
        String word = current < words.size() ? line.word() : "";
        if (word.startsWith("-") && word.length() > 1) {
            int equals = word.indexOf('=');
            OptionSpec option = equals > 0 ? command.findOption(word.substring(0, equals)) : null;
            return option == null
                    ? new WordRole(command, null, "", 0)
                    : new WordRole(command, option, word.substring(0, equals + 1), 0);
        }
        if (command == root) {
            return new WordRole(root, null, "", 0);
        }
        for (PositionalParamSpec parameter : command.positionalParameters()) {
            if (parameter.index().contains(position)) {
                return new WordRole(command, parameter, "", position);
            }
        }
        return new WordRole(command, null, "", position);
    }

    /** Commands are typed in any case, as CASE_INSENSITIVE completes them. */
    private static CommandSpec subcommand(CommandSpec command, String word) {
        CommandLine sub = command.subcommands().get(word);
        if (sub == null) {
            sub = command.subcommands().get(word.toLowerCase(Locale.ROOT));
        }
        return sub == null ? null : sub.getCommandSpec();
    }

    boolean isOption(String longName) {
        return argument instanceof OptionSpec option && option.longestName().equals(longName);
    }

    boolean isPositionalOf(String commandName) {
        return argument instanceof PositionalParamSpec && command.name().equals(commandName);
    }
}

package dev.entrashell.repl;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import picocli.CommandLine.Model.ArgSpec;

/**
 * File and folder names for the arguments that take a path, from JLine's own file name completion (which
 * knows {@code ~}, and whose candidates the line's parser quotes when they hold a space). A value may sit
 * after a prefix in its word ({@code --out=}, the {@code @} of {@code --body @FILE}): the names are
 * completed without it and given back with it.
 */
final class PathNames {
    private final Completers.FileNameCompleter files = new Completers.FileNameCompleter();

    /**
     * Whether an argument takes a file or folder: typed as one, or shown in help as one ({@code FILE},
     * {@code DIR}, {@code STORE}, {@code THUMBPRINT|FILE}, {@code FILE_OR_NAME}), for the arguments that
     * also take a word that is not a path ({@code default}, a thumbprint, a script's name).
     */
    static boolean taken(ArgSpec argument) {
        if (argument == null) {
            return false;
        }
        Class<?> type = argument.type();
        if (Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type)) {
            return true;
        }
        for (String word : argument.paramLabel().toUpperCase(Locale.ROOT).split("[^A-Z]+")) {
            if (word.equals("FILE") || word.equals("DIR") || word.equals("STORE")) {
                return true;
            }
        }
        return false;
    }

    void complete(LineReader reader, ParsedLine line, String prefix, List<Candidate> candidates) {
        if (prefix.isEmpty()) {
            files.complete(reader, line, candidates);
            return;
        }
        List<Candidate> names = new ArrayList<>();
        files.complete(reader, new ValueOfWord(line, prefix.length()), names);
        for (Candidate name : names) {
            candidates.add(new Candidate(
                    prefix + name.value(),
                    name.displ(),
                    name.group(),
                    name.descr(),
                    name.suffix(),
                    name.key(),
                    name.complete()));
        }
    }

    /** The line as FileNameCompleter reads it: the word at the cursor without its first {@code skip} characters. */
    private record ValueOfWord(ParsedLine whole, int skip) implements ParsedLine {
        @Override
        public String word() {
            return whole.word().substring(skip);
        }

        @Override
        public int wordCursor() {
            return Math.max(0, whole.wordCursor() - skip);
        }

        @Override
        public int wordIndex() {
            return whole.wordIndex();
        }

        @Override
        public List<String> words() {
            return whole.words();
        }

        @Override
        public String line() {
            return whole.line();
        }

        @Override
        public int cursor() {
            return whole.cursor();
        }
    }
}

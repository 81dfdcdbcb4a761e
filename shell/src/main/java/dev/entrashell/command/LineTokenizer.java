package dev.entrashell.command;

import java.util.ArrayList;
import java.util.List;

import dev.entrashell.errors.ShellException;

/**
 * Splits a typed line into words the way a POSIX shell would for simple lines: whitespace separates,
 * single quotes keep everything literally, double quotes keep spaces and allow {@code \"} and
 * {@code \\}, a leading {@code ~} is the home folder. Unlike a POSIX shell, a backslash outside
 * quotes escapes only a space or a quote, so that Windows paths can be typed as they are. The same
 * rules apply to typed lines, {@code -c} lines and piped input, so a line behaves the same everywhere.
 */
public final class LineTokenizer {
    private LineTokenizer() {}

    /**
     * Outside quotes a backslash escapes only what would otherwise split or quote ({@code a\\ b},
     * {@code it\\'s}); anywhere else it is itself, so Windows paths ({@code C:\\certs\\app.pfx},
     * {@code \\\\server\\share}) need no quotes.
     */
    private static boolean escapable(char next) {
        return Character.isWhitespace(next) || next == '\'' || next == '"';
    }

    /** {@code ~} alone or before a slash, at the start of an unquoted word: the home folder, as in a shell. */
    private static boolean endsHomePrefix(String line, int next) {
        return next >= line.length()
                || Character.isWhitespace(line.charAt(next))
                || line.charAt(next) == '/'
                || line.charAt(next) == '\\';
    }

    /** The word as it must be typed to come back whole from {@link #split}: quoted when it needs to be. */
    public static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\'
                        && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length() && escapable(line.charAt(i + 1))) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == '~' && !inWord && endsHomePrefix(line, i + 1)) {
                word.append(System.getProperty("user.home"));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw ShellException.usage("Unclosed " + (quote == '\'' ? "single" : "double") + " quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}

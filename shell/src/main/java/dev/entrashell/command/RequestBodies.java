package dev.entrashell.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;

/**
 * {@code --body}: inline JSON, {@code @FILE} or {@code -} for standard input. It must be valid JSON,
 * checked before anything is sent; the error says where it breaks.
 */
final class RequestBodies {
    private RequestBodies() {}

    static String read(String option) {
        String text;
        String source;
        String fix;
        if (option.equals("-")) {
            source = "--body - (standard input)";
            fix = "correct the JSON that is piped in.";
            try {
                text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ShellException("Cannot read --body from standard input: " + e.getMessage(), e);
            }
        } else if (option.startsWith("@")) {
            Path file = Path.of(option.substring(1));
            source = "--body @" + Printable.of(file.toString());
            fix = "correct the file.";
            if (!Files.isRegularFile(file)) {
                throw ShellException.usage("--body " + Printable.of(option) + ": " + Printable.of(file.toString())
                        + (Files.isDirectory(file) ? " is a folder" : " does not exist")
                        + "; give a JSON file after the @, or the JSON itself.");
            }
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw ShellException.usage("--body " + option + ": cannot read " + file + " (" + e.getMessage() + ").");
            }
        } else {
            source = "--body";
            text = option;
            // the quotes a calling shell takes away are the usual cause: say how to keep them
            fix = "write names and text in double quotes and the whole JSON in single quotes, such as --body "
                    + "'{\"displayName\": \"Sales\"}', or put it in a file and give --body @FILE.";
        }
        check(text, source, fix);
        return text;
    }

    /**
     * One line: which body, where it breaks and why (from {@link JsonSyntax}), and the fix for where the
     * JSON came from: quoting on the command line, or the file to correct.
     */
    private static void check(String text, String source, String fix) {
        if (text.isBlank()) { // nothing is not JSON either, and Graph would answer with its own puzzle
            throw ShellException.usage(source + " is empty, which is not JSON. Give a JSON object such as "
                    + "'{\"displayName\": \"Sales\"}', @FILE or - (standard input).");
        }
        JsonSyntax.check(text).ifPresent(problem -> {
            throw ShellException.usage(source + " is not valid JSON: at line " + problem.line() + ", column "
                    + problem.column() + ", " + problem.reason() + ". Nothing was sent; " + fix);
        });
    }
}

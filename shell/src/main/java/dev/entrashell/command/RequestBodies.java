package dev.entrashell.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

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
        if (option.equals("-")) {
            source = "standard input";
            try {
                text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ShellException("Cannot read --body from standard input: " + e.getMessage(), e);
            }
        } else if (option.startsWith("@")) {
            Path file = Path.of(option.substring(1));
            source = file.toString();
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
        }
        check(text, source);
        return text;
    }

    private static void check(String text, String source) {
        if (text.isBlank()) { // Gson reads nothing as JSON null, and Graph would answer with its own puzzle
            throw ShellException.usage("Invalid JSON in " + source + ": it is empty. Give a JSON object such as "
                    + "'{\"displayName\": \"Sales\"}', @FILE or - (standard input).");
        }
        try (JsonReader reader = new JsonReader(new java.io.StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ShellException.usage("Invalid JSON in " + source + ": text after the end of the JSON value at "
                        + reader.getPath() + ".");
            }
        } catch (JsonParseException | IOException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage()
                    : e.getMessage();
            throw ShellException.usage("Invalid JSON in " + source + ": " + firstLine(reason)
                    + ". Nothing was sent; fix the JSON (keys and strings in double quotes).");
        }
    }

    /** Gson's reason, without its advice to programmers ("Use JsonReader.setStrictness(...)"). */
    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.replaceFirst("^Use JsonReader\\.setStrictness\\([^)]*\\) to accept malformed JSON ", "malformed ");
    }
}

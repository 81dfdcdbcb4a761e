package dev.entrashell.command;

import java.util.Optional;

import dev.entrashell.errors.Printable;

/**
 * A strict check of JSON text (RFC 8259) that says where it breaks and why in the user's words. Gson
 * reports the same faults as advice to programmers ("Use JsonReader.setStrictness(...)") at columns that
 * point past the fault; a request body is typed by a person, so the shell checks it itself.
 *
 * <p>A problem names the member it is in ({@code passwordProfile.password}) and quotes at most a name
 * or a stray character: never a value, which may be a password.
 */
final class JsonSyntax {
    /** Deeper than any Graph body; a limit, so that a pasted {@code [[[[...} cannot overflow the stack. */
    private static final int DEEPEST = 512;

    /** Where the text breaks (1-based line and column) and why. */
    record Problem(int line, int column, String reason) {}

    /** Thrown inside the check only, to unwind the descent at the first fault. */
    private static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int offset;

        Fault(int offset, String reason) {
            super(reason, null, false, false);
            this.offset = offset;
        }
    }

    private final String text;
    private int at;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** Empty when {@code text} is one JSON value, with nothing but white space around it. */
    static Optional<Problem> check(String text) {
        JsonSyntax syntax = new JsonSyntax(text);
        try {
            syntax.value("", 0);
            syntax.skipSpace();
            if (syntax.at < text.length()) {
                throw new Fault(syntax.at, "there is more after the end of the JSON value");
            }
            return Optional.empty();
        } catch (Fault fault) {
            return Optional.of(syntax.problem(fault));
        }
    }

    private Problem problem(Fault fault) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < fault.offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Problem(line, fault.offset - lineStart + 1, fault.getMessage());
    }

    private void value(String path, int depth) {
        skipSpace();
        if (at >= text.length()) {
            throw new Fault(at, "the JSON ends where " + valueOf(path) + " should be");
        }
        if (depth > DEEPEST) {
            throw new Fault(at, "it is nested deeper than " + DEEPEST + " levels");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object(path, depth);
            case '[' -> array(path, depth);
            case '"' -> string(path);
            case '\'' -> throw new Fault(at, valueOf(path) + " is in single quotes; JSON takes double quotes");
            case ',', '}', ']', ':' -> throw new Fault(at, valueOf(path) + " is missing before '" + c + "'");
            default -> word(path);
        }
    }

    private void object(String path, int depth) {
        int open = at;
        if (emptyAfterOpening('}')) {
            return;
        }
        while (true) {
            skipSpace();
            String name = name(open);
            skipSpace();
            if (peek() != ':') {
                throw new Fault(at, "a ':' is missing after the name " + name);
            }
            at++;
            String member = path.isEmpty() ? name : path + "." + name;
            value(member, depth + 1);
            if (closedAfter(member, open, '}')) {
                return;
            }
        }
    }

    /** A member's name, which must be a string; after a comma, a '}' is the trailing comma JSON forbids. */
    private String name(int open) {
        if (at >= text.length()) {
            throw new Fault(at, unclosed(open, '}'));
        }
        char c = text.charAt(at);
        if (c == '"') {
            int start = at;
            string("");
            return Printable.of(text.substring(start + 1, at - 1));
        }
        if (c == '}') {
            throw new Fault(at, "a comma stands before '}'; JSON allows none after the last member");
        }
        int start = at;
        String word = Printable.of(wordAt(start));
        throw new Fault(
                start,
                c == '\''
                        ? "the name " + word + " is in single quotes; JSON takes double quotes"
                        : "the name " + word + " is not in double quotes");
    }

    private void array(String path, int depth) {
        int open = at;
        if (emptyAfterOpening(']')) {
            return;
        }
        for (int index = 0; ; index++) {
            skipSpace();
            if (peek() == ']') {
                throw new Fault(at, "a comma stands before ']'; JSON allows none after the last item");
            }
            String item = path + "[" + index + "]";
            value(item, depth + 1);
            if (closedAfter(item, open, ']')) {
                return;
            }
        }
    }

    /** {@code {}} or {@code []}: nothing between the brackets. */
    private boolean emptyAfterOpening(char close) {
        at++;
        skipSpace();
        if (peek() == close) {
            at++;
            return true;
        }
        return false;
    }

    /**
     * After a member or an item: true when {@code close} ends the object or array here, false after the
     * comma that says more follows.
     */
    private boolean closedAfter(String path, int open, char close) {
        skipSpace();
        char next = peek();
        if (next == close || next == ',') {
            at++;
            return next == close;
        }
        throw new Fault(
                at,
                at >= text.length()
                        ? unclosed(open, close)
                        : "a ',' or '" + close + "' is missing after " + valueOf(path));
    }

    private void string(String path) {
        int open = at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return;
            }
            if (c < ' ') {
                throw new Fault(
                        at,
                        "a tab or line break inside " + textOf(path)
                                + " must be written as \\t or \\n (or the string closed with a double quote)");
            }
            if (c == '\\') {
                escape(path);
            } else {
                at++;
            }
        }
        throw new Fault(open, textOf(path) + " has no closing double quote");
    }

    private void escape(String path) {
        int backslash = at++;
        if (at >= text.length()) {
            return; // the string is cut short: said as such by the caller
        }
        char c = text.charAt(at);
        if ("\"\\/bfnrt".indexOf(c) >= 0) {
            at++;
            return;
        }
        if (c == 'u' && at + 4 < text.length() && text.substring(at + 1, at + 5).matches("[0-9A-Fa-f]{4}")) {
            at += 5;
            return;
        }
        // most often a Windows path: C:\temp
        throw new Fault(backslash, "a backslash in " + textOf(path) + " starts no JSON escape; write \\\\ for one");
    }

    /** A number or true, false, null; anything else is text that lacks its double quotes. */
    private void word(String path) {
        int start = at;
        String word = wordAt(start);
        at += word.length();
        if (word.equals("true") || word.equals("false") || word.equals("null")) {
            return;
        }
        if (word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            return;
        }
        if (word.matches("[-+.0-9].*")) {
            throw new Fault(start, valueOf(path) + " is not a JSON number (no leading zeros, '+', or bare '.')");
        }
        throw new Fault(
                start,
                valueOf(path) + " is not in double quotes (text needs them; true, false, null and numbers do not)");
    }

    /** The run of characters up to the next space or JSON punctuation: an unquoted word or number. */
    private String wordAt(int start) {
        int end = start;
        while (end < text.length() && " \t\r\n,:[]{}\"".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(start, Math.max(end, Math.min(start + 1, text.length())));
    }

    private String unclosed(int open, char close) {
        return "the JSON ends before the '" + close + "' that closes the '" + text.charAt(open) + "' at "
                + position(open);
    }

    private String position(int offset) {
        Problem where = problem(new Fault(offset, ""));
        return "line " + where.line() + ", column " + where.column();
    }

    private static String valueOf(String path) {
        return path.isEmpty() ? "the value" : "the value of " + path;
    }

    private static String textOf(String path) {
        return path.isEmpty() ? "the text" : "the text of " + path;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }
}

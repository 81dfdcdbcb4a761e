package dev.entrashell.emulator.graph.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.query.Filter.And;
import dev.entrashell.emulator.graph.query.Filter.Any;
import dev.entrashell.emulator.graph.query.Filter.Compare;
import dev.entrashell.emulator.graph.query.Filter.In;
import dev.entrashell.emulator.graph.query.Filter.Literal;
import dev.entrashell.emulator.graph.query.Filter.Node;
import dev.entrashell.emulator.graph.query.Filter.Not;
import dev.entrashell.emulator.graph.query.Filter.Or;
import dev.entrashell.emulator.graph.query.Filter.StringFunction;

/**
 * A recursive-descent parser over {@code $filter} text, giving {@link Filter}'s expression tree and
 * literals typed the way Graph types them (string, boolean, null, GUID, date-time, date, number), with
 * Graph's syntax errors.
 */
final class FilterParser {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

    private final String text;
    private int position;

    FilterParser(String text) {
        this.text = text;
    }

    Node parseOr() throws GraphException {
        Node left = parseAnd();
        while (keyword("or")) {
            left = new Or(left, parseAnd());
        }
        return left;
    }

    Node parseAnd() throws GraphException {
        Node left = parseUnary();
        while (keyword("and")) {
            left = new And(left, parseUnary());
        }
        return left;
    }

    Node parseUnary() throws GraphException {
        if (keyword("not")) {
            return new Not(parseUnary());
        }
        return parsePrimary();
    }

    Node parsePrimary() throws GraphException {
        skipSpaces();
        if (peek() == '(') {
            position++;
            Node inner = parseOr();
            expect(')');
            return inner;
        }
        int start = position;
        String name = identifier();
        if (name == null) {
            throw syntaxError();
        }
        skipSpaces();
        if (peek() == '(') {
            int slash = name.lastIndexOf('/');
            String last = slash < 0 ? name : name.substring(slash + 1);
            if (slash > 0 && (last.equalsIgnoreCase("any") || last.equalsIgnoreCase("all"))) {
                if (last.equalsIgnoreCase("all")) {
                    throw GraphException.unsupportedQuery("Unsupported property filter clause operator 'All'.");
                }
                return parseLambda(path(name.substring(0, slash)));
            }
            return parseFunction(name, start);
        }
        List<String> path = path(name);
        if (path.get(path.size() - 1).startsWith("$")) {
            throw GraphException.unsupportedQuery("Unsupported Query.");
        }
        String operator = identifier();
        if (operator == null) {
            throw syntaxError();
        }
        String op = operator.toLowerCase(Locale.ROOT);
        if (op.equals("in")) {
            expect('(');
            List<Literal> literals = new ArrayList<>();
            do {
                literals.add(literal());
            } while (accept(','));
            expect(')');
            return new In(path, literals);
        }
        if (!COMPARISONS.contains(op)) {
            if (Set.of("has", "add", "sub", "mul", "div", "mod").contains(op)) {
                throw GraphException.unsupportedQuery(
                        "Unsupported property filter clause operator '" + Filter.capitalized(op) + "'.");
            }
            throw syntaxError();
        }
        return new Compare(path, op, literal());
    }

    private Node parseFunction(String name, int start) throws GraphException {
        String function = name.toLowerCase(Locale.ROOT);
        if (!function.equals("startswith") && !function.equals("endswith")) {
            if (name.matches("[A-Za-z]+")) {
                throw GraphException.unsupportedQuery(
                        "Unsupported property filter clause operator '" + Filter.capitalized(name) + "'.");
            }
            position = start;
            throw syntaxError();
        }
        expect('(');
        String argument = identifier();
        if (argument == null) {
            throw syntaxError();
        }
        expect(',');
        Literal literal = literal();
        expect(')');
        return new StringFunction(function, path(argument), literal);
    }

    private Node parseLambda(List<String> collection) throws GraphException {
        expect('(');
        String variable = identifier();
        if (variable == null || variable.contains("/")) {
            throw syntaxError();
        }
        expect(':');
        Node body = parseOr();
        expect(')');
        return new Any(collection, variable, body);
    }

    private Literal literal() throws GraphException {
        skipSpaces();
        char c = peek();
        if (c == '\'') {
            StringBuilder value = new StringBuilder();
            position++;
            while (true) {
                if (position >= text.length()) {
                    throw GraphException.badRequest("Invalid filter clause: There is an unterminated string literal"
                            + " at position " + position + " in '" + text + "'.");
                }
                char next = text.charAt(position++);
                if (next == '\'') {
                    if (peek() == '\'') {
                        value.append('\'');
                        position++;
                        continue;
                    }
                    break;
                }
                value.append(next);
            }
            return new Literal(value.toString(), "Edm.String", "'" + value + "'");
        }
        int start = position;
        while (position < text.length() && isLiteralChar(text.charAt(position))) {
            position++;
        }
        String word = text.substring(start, position);
        if (word.isEmpty()) {
            throw syntaxError();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new Literal(Boolean.valueOf(lower), "Edm.Boolean", lower);
        }
        if (lower.equals("null")) {
            return new Literal(null, "null", "null");
        }
        if (GUID.matcher(word).matches()) {
            return new Literal(word.toLowerCase(Locale.ROOT), "Edm.Guid", word);
        }
        if (DATE_TIME.matcher(word).matches()) {
            try {
                return new Literal(OffsetDateTime.parse(word).toInstant(), "Edm.DateTimeOffset", word);
            } catch (DateTimeParseException e) {
                throw GraphException.badRequest("Invalid filter clause: The DateTimeOffset text '" + word
                        + "' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zz:zz)?' and each field value is"
                        + " within valid range.");
            }
        }
        if (DATE.matcher(word).matches()) {
            try {
                return new Literal(LocalDate.parse(word).atStartOfDay().toInstant(ZoneOffset.UTC), "Edm.Date", word);
            } catch (DateTimeParseException e) {
                throw syntaxErrorAt(start);
            }
        }
        if (NUMBER.matcher(word).matches()) {
            return new Literal(word, "Edm.Int32", word);
        }
        throw syntaxErrorAt(start);
    }

    /** A property path such as {@code signInActivity/lastSignInDateTime}, or null. */
    private String identifier() {
        skipSpaces();
        int start = position;
        if (position < text.length() && isIdentifierStart(text.charAt(position))) {
            position++;
            while (position < text.length() && isIdentifierPart(text.charAt(position))) {
                position++;
            }
        }
        return position == start ? null : text.substring(start, position);
    }

    private boolean keyword(String word) {
        skipSpaces();
        int end = position + word.length();
        if (end <= text.length()
                && text.regionMatches(true, position, word, 0, word.length())
                && (end == text.length() || !isIdentifierPart(text.charAt(end)))) {
            position = end;
            return true;
        }
        return false;
    }

    private boolean accept(char c) {
        skipSpaces();
        if (peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws GraphException {
        if (!accept(c)) {
            throw syntaxError();
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    boolean atEnd() {
        skipSpaces();
        return position >= text.length();
    }

    GraphException syntaxError() {
        skipSpaces();
        return syntaxErrorAt(position);
    }

    GraphException syntaxErrorAt(int at) {
        return GraphException.badRequest(
                "Invalid filter clause: Syntax error at position " + at + " in '" + text + "'.");
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '/' || c == '.' || c == '$' || c == '@';
    }

    private static boolean isLiteralChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '.' || c == '+';
    }

    private static List<String> path(String name) {
        return List.of(name.split("/"));
    }
}

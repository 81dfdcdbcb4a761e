package dev.entrashell.emulator.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.entrashell.emulator.graph.error.GraphException;

/**
 * A parsed {@code $search} on directory objects: {@code "property:text"} clauses joined by upper-case
 * {@code AND}/{@code OR}, with parentheses. On displayName and description the match is by words
 * (tokens, split at spaces, symbols, digits and lower-to-upper case changes): every word of the
 * text must start a word of the value. On other properties it is a startsWith match.
 */
public final class Search {

    private sealed interface Node permits Clause, And, Or {}

    private record Clause(String property, String text) implements Node {}

    private record And(Node left, Node right) implements Node {}

    private record Or(Node left, Node right) implements Node {}

    private final String text;
    private final Node root;

    private Search(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    public static Search parse(String text) throws GraphException {
        Parser parser = new Parser(text);
        Node root = parser.parseOr();
        parser.skipSpaces();
        if (parser.position < text.length()) {
            throw parser.syntaxError();
        }
        return new Search(text, root);
    }

    public String text() {
        return text;
    }

    /** Checks that each clause names a searchable property of the type. */
    public void check(EntityType<?> type) throws GraphException {
        check(root, type);
    }

    private static void check(Node node, EntityType<?> type) throws GraphException {
        if (node instanceof And and) {
            check(and.left(), type);
            check(and.right(), type);
        } else if (node instanceof Or or) {
            check(or.left(), type);
            check(or.right(), type);
        } else if (node instanceof Clause clause) {
            Property<?> property = type.property(clause.property());
            if (property == null) {
                throw GraphException.directoryBadRequest("Could not find a property named '" + clause.property()
                        + "' on type '" + type.directoryName() + "'.");
            }
            if (!property.searchable()) {
                throw GraphException.unsupportedQuery("Unsupported or invalid query search clause specified for"
                        + " property '" + property.name() + "' of resource '" + type.resourceName() + "'.");
            }
        }
    }

    public boolean matches(Object object) {
        return evaluate(root, object, EntityTypes.of(object));
    }

    private static boolean evaluate(Node node, Object object, EntityType<?> type) {
        if (node instanceof And and) {
            return evaluate(and.left(), object, type) && evaluate(and.right(), object, type);
        }
        if (node instanceof Or or) {
            return evaluate(or.left(), object, type) || evaluate(or.right(), object, type);
        }
        Clause clause = (Clause) node;
        Property<?> property = type.property(clause.property());
        if (property == null) {
            return false;
        }
        Object value = Filter.valueOf(type, object, List.of(clause.property()));
        List<String> values = new ArrayList<>();
        if (value instanceof String single) {
            values.add(single);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        }
        for (String candidate : values) {
            if (property.tokenizedSearch()
                    ? tokensMatch(candidate, clause.text())
                    : candidate.regionMatches(
                            true, 0, clause.text(), 0, clause.text().length())) {
                return true;
            }
        }
        return false;
    }

    /** Every word of the search text starts some word of the value (words compared ignoring case). */
    static boolean tokensMatch(String value, String search) {
        List<String> valueTokens = tokens(value, true);
        for (String wanted : tokens(search, false)) {
            boolean found = false;
            for (String token : valueTokens) {
                if (token.startsWith(wanted)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** The words of a value, with words joined across symbols ("hello.world" also gives helloworld). */
    static List<String> tokens(String text) {
        return tokens(text, true);
    }

    /**
     * Splits at spaces, symbols, letter/digit changes and lower-to-upper case changes.
     *
     * @param join also add the words that only symbols separate, joined
     */
    private static List<String> tokens(String text, boolean join) {
        List<String> tokens = new ArrayList<>();
        for (String chunk : text.split("\\s+")) {
            StringBuilder word = new StringBuilder();
            StringBuilder joined = new StringBuilder();
            int joinedWords = 0;
            char previous = 0;
            for (char c : chunk.toCharArray()) {
                boolean symbol = !Character.isLetterOrDigit(c);
                boolean split = symbol
                        || (word.length() > 0
                                && (Character.isDigit(c) != Character.isDigit(previous)
                                        || (Character.isLowerCase(previous) && Character.isUpperCase(c))));
                if (split && word.length() > 0) {
                    tokens.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
                if (!symbol) {
                    word.append(c);
                    joined.append(c);
                } else if (joined.length() > 0) {
                    joinedWords++;
                }
                previous = c;
            }
            if (word.length() > 0) {
                tokens.add(word.toString().toLowerCase(Locale.ROOT));
            }
            if (join && joinedWords > 0 && joined.length() > 0) {
                String all = joined.toString().toLowerCase(Locale.ROOT);
                if (!tokens.contains(all)) {
                    tokens.add(all);
                }
            }
        }
        return tokens;
    }

    /** Parses clauses and upper-case AND / OR (AND binds tighter). */
    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Node parseOr() throws GraphException {
            Node left = parseAnd();
            while (keyword("OR")) {
                left = new Or(left, parseAnd());
            }
            return left;
        }

        Node parseAnd() throws GraphException {
            Node left = parsePrimary();
            while (keyword("AND")) {
                left = new And(left, parsePrimary());
            }
            return left;
        }

        Node parsePrimary() throws GraphException {
            skipSpaces();
            if (position < text.length() && text.charAt(position) == '(') {
                position++;
                Node inner = parseOr();
                skipSpaces();
                if (position >= text.length() || text.charAt(position) != ')') {
                    throw syntaxError();
                }
                position++;
                return inner;
            }
            if (position >= text.length() || text.charAt(position) != '"') {
                throw syntaxError();
            }
            position++;
            StringBuilder clause = new StringBuilder();
            while (true) {
                if (position >= text.length()) {
                    throw syntaxError();
                }
                char c = text.charAt(position++);
                if (c == '\\' && position < text.length()) {
                    clause.append(text.charAt(position++));
                } else if (c == '"') {
                    break;
                } else {
                    clause.append(c);
                }
            }
            int colon = clause.indexOf(":");
            if (colon <= 0) {
                throw GraphException.unsupportedQuery("Invalid search clause '" + clause
                        + "': directory objects are searched as \"property:text\", e.g. \"displayName:Adele\".");
            }
            return new Clause(clause.substring(0, colon).strip(), clause.substring(colon + 1));
        }

        private boolean keyword(String word) {
            skipSpaces();
            if (text.startsWith(word, position)
                    && (position + word.length() == text.length()
                            || !Character.isLetterOrDigit(text.charAt(position + word.length())))) {
                position += word.length();
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        GraphException syntaxError() {
            skipSpaces();
            char at = position < text.length() ? text.charAt(position) : ' ';
            return GraphException.badRequest("Syntax error: character '" + at + "' is not valid at position " + position
                    + " in '" + text + "'.");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

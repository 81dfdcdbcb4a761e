package dev.entrashell.emulator.graph.permission;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which application permissions (app roles) allow each Graph operation: the data behind the 403s.
 * The data is Microsoft's permission metadata, in {@code graph-permissions.tsv} (made by
 * {@code graph-permissions/generate.py} at the repository root, least privileged first); a caller
 * needs ANY ONE of the roles. The router asks for each route it registers and refuses a route the
 * map does not know.
 *
 * <p>The shell reads the same file with its own code (for its 403 hints); this reader is the
 * emulator's, so the emulator verifies with its own code.
 */
public final class GraphPermissions {
    /** For operations any authenticated app may call. */
    public static final Set<String> NO_ROLE_REQUIRED = Set.of();

    /**
     * Operations that need no permission of their own, so the metadata has no entry: the service
     * document, {@code $batch} (each request inside is checked on its own) and {@code /me} (which
     * Graph answers with 400 for app-only tokens); and an application's {@code addKey}/{@code removeKey},
     * which an app may call on itself with no role at all (its proof of possession is the check;
     * {@code KeyRollover} decides what any other caller needs).
     */
    private static final Set<String> OPEN = Set.of(
            "GET /", "POST /$batch", "GET /me", "POST /applications/{id}/addKey", "POST /applications/{id}/removeKey");

    /**
     * Properties that need a role on top of the operation's: reading them (in {@code $select} or
     * {@code $filter}) without it is a 403. Keys are "type.property".
     */
    public static final Map<String, String> PROPERTY_ROLES = Map.of("user.signInActivity", "AuditLog.Read.All");

    private GraphPermissions() {}

    /**
     * The roles that allow {@code method} on a route {@code pattern} such as {@code /users/{id}/memberOf}.
     * A {@code {type}} segment is an OData cast ({@code microsoft.graph.group}) and {@code $count} counts a
     * collection: both need what the collection needs. {@code $ref} addresses the relationship itself,
     * which the metadata writes without it.
     */
    public static Optional<Set<String>> allowedRoles(String method, String pattern) {
        if (OPEN.contains(method + " " + pattern)) {
            return Optional.of(NO_ROLE_REQUIRED);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : pattern.split("/")) {
            if (!segment.isEmpty() && !segment.equals("{type}")) {
                segments.add(segment.startsWith("{") ? "{id}" : segment.toLowerCase(Locale.ROOT));
            }
        }
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        if (last.equals("$count") || last.equals("$ref")) {
            Optional<Set<String>> exact = Optional.ofNullable(Table.MAP.get(key(method, segments)));
            return exact.isPresent() ? exact : Optional.ofNullable(Table.MAP.get(key(method, withoutLast(segments))));
        }
        return Optional.ofNullable(Table.MAP.get(key(method, segments)));
    }

    private static List<String> withoutLast(List<String> segments) {
        return segments.subList(0, segments.size() - 1);
    }

    private static String key(String method, List<String> segments) {
        return method + " /" + String.join("/", segments);
    }

    /**
     * Read on first use: a holder class, so an emulator that routes nothing never parses the file.
     * Only "METHOD /path" keys and the role numbers are kept; a route's names are made when it asks.
     */
    private static final class Table {
        static final Table MAP = read();

        private final List<String> roleNames;
        private final Map<String, String> roleNumbers;

        private Table(List<String> roleNames, Map<String, String> roleNumbers) {
            this.roleNames = roleNames;
            this.roleNumbers = roleNumbers;
        }

        Set<String> get(String key) {
            String numbers = roleNumbers.get(key);
            if (numbers == null) {
                return null;
            }
            Set<String> allowed = new LinkedHashSet<>();
            for (String number : numbers.split(",")) {
                allowed.add(roleNames.get(Integer.parseInt(number)));
            }
            return Collections.unmodifiableSet(allowed);
        }

        private static Table read() {
            try (InputStream in = GraphPermissions.class.getResourceAsStream("graph-permissions.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("graph-permissions.tsv is missing from the emulator's jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<String> roleNames = new ArrayList<>();
                Map<String, String> roleNumbers = new HashMap<>(16_384);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] fields = line.split("\t");
                    if (fields[0].equals("R")) {
                        roleNames.add(fields[1]);
                    } else if (fields[0].equals("P")) {
                        String path = normalized(fields[1]);
                        for (int i = 2; i < fields.length; i++) {
                            int equals = fields[i].indexOf('=');
                            roleNumbers.put(
                                    fields[i].substring(0, equals) + " " + path, fields[i].substring(equals + 1));
                        }
                    }
                }
                return new Table(List.copyOf(roleNames), roleNumbers);
            } catch (IOException e) {
                throw new UncheckedIOException("graph-permissions.tsv cannot be read", e);
            }
        }

        /** Lower case, every variable as {id}: Graph matches paths case-insensitively. */
        private static String normalized(String path) {
            StringBuilder out = new StringBuilder(path.length());
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '{') {
                    int close = path.indexOf('}', i);
                    out.append("{id}");
                    i = close < 0 ? path.length() : close;
                } else {
                    out.append(Character.toLowerCase(c));
                }
            }
            return out.toString();
        }
    }
}

package dev.entrashell.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which application roles allow a Graph call, from Microsoft's published permission metadata: the
 * resource {@code graph-permissions.tsv} (made by {@code graph-permissions/generate.py} at the
 * repository root, least privileged role first). It backs the {@code permissions} command, the hint on
 * a 403 and Graph path completion.
 *
 * <p>Read on the first question asked, not when an instance is made: the file is half a megabyte and
 * most sessions never ask. The emulator reads the same file with code of its own.
 */
public final class GraphPermissionMap {
    private static final Pattern KEY_IN_PARENTHESES = Pattern.compile("([^(]+)\\('?([^=')]*)'?\\)");

    /** One path of the map: its template as Microsoft writes it, and the roles for each method. */
    public record Endpoint(String template, Map<String, List<String>> rolesByMethod) {
        /** The least privileged role for {@code method}, or empty when the method is not in the map. */
        public Optional<String> leastPrivileged(String method) {
            List<String> roles = rolesByMethod.get(method.toUpperCase(Locale.ROOT));
            return roles == null || roles.isEmpty() ? Optional.empty() : Optional.of(roles.get(0));
        }
    }

    /**
     * One line of the file as read: lower-case segments for matching, and per method the role numbers,
     * turned into names only for the endpoints a question needs (the file has some 6,000 lines).
     */
    private record Template(String path, String[] segments, String[] methods, String[] roleNumbers) {
        Endpoint endpoint(List<String> roleNames) {
            Map<String, List<String>> byMethod = new LinkedHashMap<>();
            for (int i = 0; i < methods.length; i++) {
                List<String> roles = new ArrayList<>();
                for (String number : roleNumbers[i].split(",")) {
                    roles.add(roleNames.get(Integer.parseInt(number)));
                }
                byMethod.put(methods[i], List.copyOf(roles));
            }
            return new Endpoint(path, byMethod);
        }

        /** The least privileged role for {@code method} (upper case), or null. */
        String leastPrivileged(String method, List<String> roleNames) {
            for (int i = 0; i < methods.length; i++) {
                if (methods[i].equals(method)) {
                    int comma = roleNumbers[i].indexOf(',');
                    String first = comma < 0 ? roleNumbers[i] : roleNumbers[i].substring(0, comma);
                    return roleNames.get(Integer.parseInt(first));
                }
            }
            return null;
        }
    }

    private GraphPermissionMap() {}

    /** Cheap: the file is read when the first question is asked. */
    public static GraphPermissionMap load() {
        return new GraphPermissionMap();
    }

    /** The roles that allow {@code method} on a URL's path (with or without the API version), if known. */
    public Optional<List<String>> rolesFor(String method, String urlPath) {
        return endpointFor(urlPath)
                .map(endpoint -> endpoint.rolesByMethod().get(method.toUpperCase(Locale.ROOT)))
                .filter(roles -> roles != null);
    }

    /**
     * The endpoint a path belongs to: {@code /users/{id}/memberOf} or {@code /users/1f0e.../memberOf}
     * alike; literal segments match case-insensitively and win over variables. A trailing
     * {@code $count} or {@code $ref}, and an OData cast such as {@code microsoft.graph.group}, need what
     * the path before them needs, so they are tried without when the map has no entry of their own.
     */
    public Optional<Endpoint> endpointFor(String urlPath) {
        List<String> path = segments(urlPath);
        if (!path.isEmpty() && (path.get(0).equals("v1.0") || path.get(0).equals("beta"))) {
            path = path.subList(1, path.size());
        }
        Optional<Endpoint> exact = bestMatch(path);
        if (exact.isPresent() || path.isEmpty()) {
            return exact;
        }
        String last = path.get(path.size() - 1);
        String before = "/" + String.join("/", path.subList(0, path.size() - 1));
        if (last.equals("$count")) {
            // counting is reading: only what GET on the collection needs
            return endpointFor(before)
                    .filter(endpoint -> endpoint.rolesByMethod().containsKey("GET"))
                    .map(endpoint -> new Endpoint(
                            endpoint.template() + "/$count",
                            Map.of("GET", endpoint.rolesByMethod().get("GET"))));
        }
        if (last.equals("$ref") || isCast(last)) {
            return endpointFor(before);
        }
        List<String> withoutCasts = path.stream().filter(s -> !isCast(s)).toList();
        return withoutCasts.size() < path.size() ? bestMatch(withoutCasts) : Optional.empty();
    }

    /** The templates the map knows for {@code method}, with the least privileged role of each. */
    public Map<String, String> pathsFor(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        Map<String, String> paths = new LinkedHashMap<>();
        for (Template template : Table.DATA.templates()) {
            String role = template.leastPrivileged(upper, Table.DATA.roleNames());
            if (role != null) {
                paths.put(template.path(), role);
            }
        }
        return paths;
    }

    /** Endpoints whose path or one of whose roles contains {@code word}, ignoring case. */
    public List<Endpoint> search(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<Endpoint> found = new ArrayList<>();
        for (Template template : Table.DATA.templates()) {
            Endpoint endpoint = template.endpoint(Table.DATA.roleNames());
            boolean inRoles = endpoint.rolesByMethod().values().stream()
                    .flatMap(List::stream)
                    .anyMatch(role -> role.toLowerCase(Locale.ROOT).contains(lower));
            if (inRoles || template.path().toLowerCase(Locale.ROOT).contains(lower)) {
                found.add(endpoint);
            }
        }
        return found;
    }

    private static Optional<Endpoint> bestMatch(List<String> path) {
        Template best = null;
        for (Template template : Table.DATA.templates()) {
            if (matches(template.segments(), path) && (best == null || moreSpecific(template, best))) {
                best = template;
            }
        }
        return Optional.ofNullable(best).map(template -> template.endpoint(Table.DATA.roleNames()));
    }

    private static boolean matches(String[] template, List<String> path) {
        if (template.length != path.size()) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            String expected = template[i];
            String actual = path.get(i);
            // $count, $ref and OData casts are segments of their own, never an id
            boolean variable = isVariable(expected) && !actual.startsWith("$") && !isCast(actual);
            if (!variable && !expected.equals(actual) && !sameFunction(expected, actual)) {
                return false;
            }
        }
        return true;
    }

    /** {@code applications(appid={value})} in the map and {@code applications(appId='…')} typed. */
    private static boolean sameFunction(String expected, String actual) {
        int open = expected.indexOf('(');
        return open > 0 && actual.startsWith(expected.substring(0, open + 1)) && actual.endsWith(")");
    }

    /** At the first position where they differ, a literal segment beats a variable. */
    private static boolean moreSpecific(Template candidate, Template current) {
        for (int i = 0; i < candidate.segments().length; i++) {
            boolean candidateLiteral = !isVariable(candidate.segments()[i]);
            boolean currentLiteral = !isVariable(current.segments()[i]);
            if (candidateLiteral != currentLiteral) {
                return candidateLiteral;
            }
        }
        return false;
    }

    static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static boolean isCast(String segment) {
        return segment.startsWith("microsoft.graph.") || segment.startsWith("graph.");
    }

    /**
     * Lower-case segments of a path, without query; {@code users('id')} is {@code users/id}, as Graph
     * reads a key in parentheses, while a function's named parameters ({@code f(a=1)}) stay one segment.
     */
    private static List<String> segments(String path) {
        String clean = path.replaceFirst("^https://[^/]+", "").split("\\?", 2)[0];
        List<String> segments = new ArrayList<>();
        for (String segment : clean.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String lower = segment.toLowerCase(Locale.ROOT);
            Matcher key = KEY_IN_PARENTHESES.matcher(lower);
            if (!isVariable(lower) && key.matches() && !segment.contains("=")) {
                segments.add(key.group(1));
                segments.add(key.group(2));
            } else {
                segments.add(lower);
            }
        }
        return segments;
    }

    /** The parsed file; a holder class, so it is read on the first question and once per process. */
    private record Table(List<String> roleNames, List<Template> templates) {
        static final Table DATA = read();

        private static Table read() {
            try (InputStream in = GraphPermissionMap.class.getResourceAsStream("graph-permissions.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("graph-permissions.tsv is missing from the shell's jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<String> roleNames = new ArrayList<>();
                List<Template> templates = new ArrayList<>(8_192);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] fields = line.split("\t");
                    if (fields[0].equals("R")) {
                        roleNames.add(fields[1]);
                    } else if (fields[0].equals("P")) {
                        templates.add(template(fields));
                    }
                }
                return new Table(List.copyOf(roleNames), List.copyOf(templates));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("graph-permissions.tsv is damaged", e);
            }
        }

        private static Template template(String[] fields) {
            String[] methods = new String[fields.length - 2];
            String[] numbers = new String[fields.length - 2];
            for (int i = 2; i < fields.length; i++) {
                int equals = fields[i].indexOf('=');
                methods[i - 2] = fields[i].substring(0, equals);
                numbers[i - 2] = fields[i].substring(equals + 1);
            }
            String path = fields[1];
            String[] segments = path.substring(1).toLowerCase(Locale.ROOT).split("/");
            return new Template(path, segments, methods, numbers);
        }
    }
}

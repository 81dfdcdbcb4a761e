package dev.entrashell.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Which application roles allow a Graph call, for the hint on a 403: a table kept as data in
 * {@code graph-permissions.json} (least privileged role first), matched on method and path with
 * {@code {id}} standing for any one segment.
 */
public final class GraphPermissionHints {
    private record Rule(String method, String path, List<String> segments, List<String> roles) {}

    private final List<Rule> rules;

    private GraphPermissionHints(List<Rule> rules) {
        this.rules = rules;
    }

    public static GraphPermissionHints load() {
        try (InputStream in = GraphPermissionHints.class.getResourceAsStream("graph-permissions.json")) {
            if (in == null) {
                return new GraphPermissionHints(List.of());
            }
            JsonObject document = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            List<Rule> rules = new ArrayList<>();
            for (JsonElement element : document.getAsJsonArray("permissions")) {
                JsonObject rule = element.getAsJsonObject();
                List<String> roles = new ArrayList<>();
                rule.getAsJsonArray("roles").forEach(r -> roles.add(r.getAsString()));
                String path = rule.get("path").getAsString();
                rules.add(new Rule(rule.get("method").getAsString(), path, segments(path), roles));
            }
            return new GraphPermissionHints(rules);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("graph-permissions.json is damaged", e);
        }
    }

    /** The roles that allow {@code method} on the URL's path (after the API version), if known. */
    public Optional<List<String>> rolesFor(String method, String urlPath) {
        List<String> path = segments(urlPath);
        if (!path.isEmpty() && (path.get(0).equals("v1.0") || path.get(0).equals("beta"))) {
            path = path.subList(1, path.size());
        }
        for (Rule rule : rules) {
            if (rule.method().equalsIgnoreCase(method) && matches(rule.segments(), path)) {
                return Optional.of(rule.roles());
            }
        }
        return Optional.empty();
    }

    /** The endpoints the table knows for {@code method}, as written there ({@code /users/{id}/manager}). */
    public List<String> pathsFor(String method) {
        return rules.stream()
                .filter(rule -> rule.method().equalsIgnoreCase(method))
                .map(Rule::path)
                .distinct()
                .toList();
    }

    private static boolean matches(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            if (!expected.equals("{id}") && !expected.equalsIgnoreCase(path.get(i))) {
                return false;
            }
            if (expected.equals("{id}") && path.get(i).startsWith("$")) {
                return false; // $count, $ref are segments of their own
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        String clean = path.split("\\?", 2)[0];
        List<String> segments = new ArrayList<>();
        for (String segment : clean.split("/")) {
            if (!segment.isEmpty()) {
                // users('id') and users/id mean the same; keep the collection name for matching.
                int paren = segment.indexOf('(');
                segments.add(
                        paren > 0
                                ? segment.substring(0, paren).toLowerCase(Locale.ROOT)
                                : segment.toLowerCase(Locale.ROOT));
            }
        }
        return segments;
    }
}

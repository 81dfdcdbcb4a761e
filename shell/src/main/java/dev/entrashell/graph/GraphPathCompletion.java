package dev.entrashell.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tab completion of Graph paths, one segment at a time as a file path completes: {@code /u} offers
 * {@code /users}, {@code /users/} offers {@code /users/$count}, and {@code /users/adele@contoso.com/m}
 * offers {@code /users/adele@contoso.com/manager} and {@code .../memberOf}, because {@code {id}} in
 * the known endpoints stands for whatever id the user typed. Ids themselves are never guessed. Each
 * offer names the least privileged application role of the endpoint it completes, when it is one.
 */
public final class GraphPathCompletion {
    /**
     * A path to offer; {@code complete} when no known endpoint goes on below it; {@code role} the least
     * privileged role of the endpoint the path is, or null when it only leads to endpoints.
     */
    public record Candidate(String path, boolean complete, String role) {}

    private record Template(List<String> segments, String role) {}

    private final List<Template> templates;

    /** {@code templates}: endpoint paths such as {@code /users/{id}/manager}, each with its least privileged role. */
    public GraphPathCompletion(Map<String, String> templates) {
        this.templates = templates.entrySet().stream()
                .map(entry -> new Template(segments(entry.getKey()), entry.getValue()))
                .toList();
    }

    public List<Candidate> complete(String typed) {
        if (!typed.isEmpty() && !typed.startsWith("/")) {
            return List.of(); // an absolute URL or a relative word: nothing sensible to offer
        }
        int lastSlash = typed.lastIndexOf('/');
        List<String> done = segments(typed.substring(0, Math.max(lastSlash, 0)));
        String partial = typed.substring(lastSlash + 1).toLowerCase(Locale.ROOT);
        String stem = typed.substring(0, lastSlash + 1);
        if (stem.isEmpty()) {
            stem = "/";
        }
        Map<String, Boolean> offered = new LinkedHashMap<>(); // next segment -> no endpoint goes deeper
        Map<String, String> roles = new LinkedHashMap<>(); // next segment -> role, when it ends an endpoint
        for (Template template : templates) {
            List<String> segments = template.segments();
            if (segments.size() <= done.size() || !matches(segments, done)) {
                continue;
            }
            String next = segments.get(done.size());
            // variables are the user's ids, and f(x={value}) templates are no text to insert
            if (next.contains("{") || !next.toLowerCase(Locale.ROOT).startsWith(partial)) {
                continue;
            }
            boolean deeper = segments.size() > done.size() + 1;
            offered.merge(next, !deeper, (a, b) -> a && b);
            if (!deeper) {
                roles.put(next, template.role());
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Boolean> entry : offered.entrySet()) {
            candidates.add(new Candidate(stem + entry.getKey(), entry.getValue(), roles.get(entry.getKey())));
        }
        return candidates;
    }

    private static boolean matches(List<String> template, List<String> done) {
        for (int i = 0; i < done.size(); i++) {
            String expected = template.get(i);
            String actual = done.get(i);
            boolean idMatches = GraphPermissionMap.isVariable(expected) && !actual.startsWith("$");
            if (!idMatches && !expected.equalsIgnoreCase(actual)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}

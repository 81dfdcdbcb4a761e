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
 * the known endpoints stands for whatever id the user typed. Ids themselves are never guessed.
 */
public final class GraphPathCompletion {
    private static final String ID = "{id}";

    /** A path to offer; {@code complete} when no known endpoint goes on below it. */
    public record Candidate(String path, boolean complete) {}

    private final List<List<String>> templates;

    /** {@code templates}: endpoint paths such as {@code /users/{id}/manager}. */
    public GraphPathCompletion(List<String> templates) {
        this.templates = templates.stream().map(GraphPathCompletion::segments).toList();
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
        for (List<String> template : templates) {
            if (template.size() <= done.size() || !matches(template, done)) {
                continue;
            }
            String next = template.get(done.size());
            if (next.equals(ID) || !next.toLowerCase(Locale.ROOT).startsWith(partial)) {
                continue;
            }
            boolean deeper = template.size() > done.size() + 1;
            offered.merge(next, !deeper, (a, b) -> a && b);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Boolean> entry : offered.entrySet()) {
            candidates.add(new Candidate(stem + entry.getKey(), entry.getValue()));
        }
        return candidates;
    }

    private static boolean matches(List<String> template, List<String> done) {
        for (int i = 0; i < done.size(); i++) {
            String expected = template.get(i);
            String actual = done.get(i);
            boolean idMatches = expected.equals(ID) && !actual.startsWith("$");
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

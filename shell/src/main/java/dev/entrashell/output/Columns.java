package dev.entrashell.output;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonObject;

/** The columns of tabular formats: the {@code --select} list when given, else the keys of the first items. */
final class Columns {
    private static final List<String> PREFERRED =
            List.of("displayName", "id", "userPrincipalName", "mail", "appId", "jobTitle", "createdDateTime");

    private Columns() {}

    static List<String> of(List<String> selected, List<JsonObject> firstItems, boolean identifyingFirst) {
        if (selected != null && !selected.isEmpty()) {
            return selected;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonObject item : firstItems.subList(0, Math.min(firstItems.size(), 50))) {
            for (String key : item.keySet()) {
                if (!key.startsWith("@odata.")) {
                    seen.add(key);
                }
            }
        }
        if (!identifyingFirst) {
            return new ArrayList<>(seen);
        }
        List<String> ordered = new ArrayList<>();
        PREFERRED.stream().filter(seen::contains).forEach(ordered::add);
        seen.stream().filter(k -> !ordered.contains(k)).forEach(ordered::add);
        return ordered;
    }
}

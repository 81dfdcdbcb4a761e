package dev.entrashell.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A collection as a table fitted to the terminal: the identifying columns first (displayName, then the
 * usual keys of directory objects), then the others in the order Graph sent them, as many as fit.
 */
public final class TablePrinter {
    private static final List<String> PREFERRED =
            List.of("displayName", "id", "userPrincipalName", "mail", "appId", "jobTitle", "createdDateTime");
    private static final int MAX_CELL = 40;
    private static final int GAP = 2;

    private TablePrinter() {}

    public static void print(PrintWriter out, List<JsonObject> rows, int terminalWidth) {
        if (rows.isEmpty()) {
            out.println("(no items)");
            return;
        }
        List<String> columns = fit(columns(rows), rows, terminalWidth);
        List<Integer> widths = new ArrayList<>();
        for (String column : columns) {
            int width = column.length();
            for (JsonObject row : rows) {
                width = Math.max(
                        width, Math.min(MAX_CELL, Json.cell(row.get(column)).length()));
            }
            widths.add(width);
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            header.append(ListPrinter.pad(columns.get(i), widths.get(i) + GAP));
            rule.append(ListPrinter.pad("-".repeat(widths.get(i)), widths.get(i) + GAP));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule.toString().stripTrailing());
        for (JsonObject row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                line.append(ListPrinter.pad(
                        truncate(Json.cell(row.get(columns.get(i))), widths.get(i)), widths.get(i) + GAP));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static List<String> columns(List<JsonObject> rows) {
        Set<String> seen = new LinkedHashSet<>();
        for (JsonObject row : rows.subList(0, Math.min(rows.size(), 50))) {
            for (String key : row.keySet()) {
                if (!key.startsWith("@odata.")) {
                    seen.add(key);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        PREFERRED.stream().filter(seen::contains).forEach(ordered::add);
        seen.stream().filter(k -> !ordered.contains(k)).forEach(ordered::add);
        return ordered;
    }

    /** Drops columns from the right until the table fits; empty columns go first. */
    private static List<String> fit(List<String> columns, List<JsonObject> rows, int terminalWidth) {
        List<String> kept = new ArrayList<>();
        int used = 0;
        for (String column : columns) {
            boolean empty = rows.stream().allMatch(r -> Json.cell(r.get(column)).isEmpty());
            if (empty) {
                continue;
            }
            int width = column.length();
            for (JsonObject row : rows) {
                width = Math.max(
                        width, Math.min(MAX_CELL, Json.cell(row.get(column)).length()));
            }
            if (!kept.isEmpty() && used + width > terminalWidth) {
                continue;
            }
            kept.add(column);
            used += width + GAP;
        }
        if (kept.isEmpty() && !columns.isEmpty()) {
            kept.add(columns.get(0));
        }
        return kept;
    }

    private static String truncate(String text, int width) {
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= width ? flat : flat.substring(0, width - 1) + "…";
    }

    static boolean isObject(JsonElement element) {
        return element != null && element.isJsonObject();
    }
}

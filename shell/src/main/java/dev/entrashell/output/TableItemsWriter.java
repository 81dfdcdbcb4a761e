package dev.entrashell.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * A table laid out on the first page and kept for every later one (so {@code --all} looks like one page).
 * On a terminal it fits the width: columns are taken in order (identifying ones first) while they fit,
 * and other text is cut with an ellipsis, but identifiers (ids, principal names, mail, thumbprints, URLs)
 * are never cut: a longer one on a later page overflows its column rather than lose a character. Without
 * a terminal ({@code width} of {@link Integer#MAX_VALUE}) nothing is cut or left out.
 */
final class TableItemsWriter extends FirstPageLayout {
    /** Text columns narrower than this are not worth showing cut. */
    private static final int MIN_TEXT = 10;

    private static final int GAP = 2;

    private final PrintWriter out;
    private final int width;
    private final List<String> selected;
    private final List<Column> columns = new ArrayList<>();

    private record Column(String name, int width, boolean identifier) {}

    TableItemsWriter(PrintWriter out, int width, List<String> selected) {
        this.out = out;
        this.width = width;
        this.selected = selected;
    }

    @Override
    protected void layout(List<JsonObject> firstPage) {
        List<String> names = new ArrayList<>();
        List<Integer> natural = new ArrayList<>();
        List<Integer> least = new ArrayList<>();
        List<Boolean> identifier = new ArrayList<>();
        int used = 0;
        for (String name : Columns.of(selected, firstPage, true)) {
            List<String> cells = firstPage.stream()
                    .map(row -> flat(Json.cell(row.get(name))))
                    .toList();
            boolean empty = cells.stream().allMatch(String::isEmpty);
            if (empty && selected == null) {
                continue;
            }
            boolean id = Identifiers.column(name, cells);
            int full = Math.max(
                    name.length(), cells.stream().mapToInt(String::length).max().orElse(0));
            int smallest = id ? full : Math.min(full, Math.max(name.length(), MIN_TEXT));
            if (!names.isEmpty() && selected == null && (long) used + smallest > width) {
                continue; // does not fit even cut: left out (--select keeps every column asked for)
            }
            names.add(name);
            natural.add(full);
            least.add(smallest);
            identifier.add(id);
            used += smallest + GAP;
        }
        // What is left of the width goes to the cut columns, in order, up to their full width.
        long spare = width == Integer.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, width - used + GAP);
        for (int i = 0; i < names.size(); i++) {
            int given = least.get(i);
            if (given < natural.get(i) && spare > 0) {
                int more = (int) Math.min(spare, natural.get(i) - given);
                given += more;
                spare -= more;
            }
            columns.add(new Column(names.get(i), given, identifier.get(i)));
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (Column column : columns) {
            header.append(ListPrinter.pad(column.name(), column.width() + GAP));
            rule.append(ListPrinter.pad("-".repeat(column.width()), column.width() + GAP));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule.toString().stripTrailing());
    }

    @Override
    protected void row(JsonObject item) {
        StringBuilder line = new StringBuilder();
        for (Column column : columns) {
            String cell = flat(Json.cell(item.get(column.name())));
            if (!column.identifier() && cell.length() > column.width()) {
                cell = cell.substring(0, Math.max(0, column.width() - 1)) + "…";
            }
            // An identifier longer than its column (met on a later page) overflows, still set apart by a space.
            line.append(
                    cell.length() >= column.width() + GAP ? cell + " " : ListPrinter.pad(cell, column.width() + GAP));
        }
        out.println(line.toString().stripTrailing());
    }

    @Override
    protected void empty() {
        out.println("(no items)");
    }

    @Override
    protected void flush() {
        out.flush();
    }

    private static String flat(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}

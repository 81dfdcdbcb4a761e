package dev.entrashell.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * A table fitted to the terminal: the first page decides the columns and their widths, later pages are
 * written row by row in the same layout (longer values are cut with an ellipsis).
 */
final class TableItemsWriter extends FirstPageLayout {
    private static final int MAX_CELL = 40;
    private static final int GAP = 2;

    private final PrintWriter out;
    private final int width;
    private final List<String> selected;
    private List<String> columns;
    private List<Integer> widths;

    TableItemsWriter(PrintWriter out, int width, List<String> selected) {
        this.out = out;
        this.width = width;
        this.selected = selected;
    }

    /** Identifying columns first, empty ones dropped, then as many as fit the terminal; then the header. */
    @Override
    protected void layout(List<JsonObject> firstPage) {
        columns = new ArrayList<>();
        widths = new ArrayList<>();
        int used = 0;
        for (String column : Columns.of(selected, firstPage, true)) {
            int columnWidth = column.length();
            boolean empty = true;
            for (JsonObject row : firstPage) {
                String cell = Json.cell(row.get(column));
                empty &= cell.isEmpty();
                columnWidth = Math.max(columnWidth, Math.min(MAX_CELL, cell.length()));
            }
            if ((empty && selected == null) || (!columns.isEmpty() && used + columnWidth > width)) {
                continue;
            }
            columns.add(column);
            widths.add(columnWidth);
            used += columnWidth + GAP;
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            header.append(ListPrinter.pad(columns.get(i), widths.get(i) + GAP));
            rule.append(ListPrinter.pad("-".repeat(widths.get(i)), widths.get(i) + GAP));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule.toString().stripTrailing());
    }

    @Override
    protected void row(JsonObject item) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            line.append(
                    ListPrinter.pad(truncate(Json.cell(item.get(columns.get(i))), widths.get(i)), widths.get(i) + GAP));
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

    private static String truncate(String text, int width) {
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= width ? flat : flat.substring(0, Math.max(0, width - 1)) + "…";
    }
}

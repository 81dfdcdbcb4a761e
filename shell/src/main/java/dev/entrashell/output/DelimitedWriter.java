package dev.entrashell.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * CSV (RFC 4180: a header row, fields quoted when they hold a comma, quote or line break, quotes
 * doubled, CRLF line ends) or TSV (tabs and line breaks inside values escaped as \t and \n). The columns
 * are fixed by the first page, so every row of every page lines up with the header.
 */
final class DelimitedWriter extends FirstPageLayout {
    private final PrintWriter out;
    private final boolean tabs;
    private final List<String> selected;
    private List<String> columns;

    DelimitedWriter(PrintWriter out, boolean tabs, List<String> selected) {
        this.out = out;
        this.tabs = tabs;
        this.selected = selected;
    }

    @Override
    protected void layout(List<JsonObject> firstPage) {
        columns = Columns.of(selected, firstPage, false);
        line(columns);
    }

    @Override
    protected void row(JsonObject item) {
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            cells.add(Json.cell(item.get(column)));
        }
        line(cells);
    }

    @Override
    protected void empty() {
        if (selected != null && !selected.isEmpty()) {
            line(selected); // no items: still a header, so a reader sees the columns
        }
    }

    @Override
    protected void flush() {
        out.flush();
    }

    private void line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(tabs ? '\t' : ',');
            }
            line.append(tabs ? tsv(cells.get(i)) : csv(cells.get(i)));
        }
        out.print(line);
        out.print(tabs ? "\n" : "\r\n");
    }

    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static String tsv(String value) {
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}

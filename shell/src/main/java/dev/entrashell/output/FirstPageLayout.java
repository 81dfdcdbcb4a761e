package dev.entrashell.output;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * Tabular formats fix their layout (columns, widths) on the first page and keep it for every later
 * page: this holds the first page back until it is complete, then writes header and rows.
 */
abstract class FirstPageLayout implements ItemWriter {
    private final List<JsonObject> firstPage = new ArrayList<>();
    private boolean laidOut;

    /** Decides the layout from the first page and writes the header. */
    protected abstract void layout(List<JsonObject> firstPage);

    protected abstract void row(JsonObject item);

    /** Called at the end when there were no items at all. */
    protected abstract void empty();

    protected abstract void flush();

    @Override
    public final void item(JsonObject item) {
        if (laidOut) {
            row(item);
        } else {
            firstPage.add(item);
        }
    }

    @Override
    public final void pageEnd() {
        if (!laidOut && !firstPage.isEmpty()) {
            layout(firstPage);
            laidOut = true;
            firstPage.forEach(this::row);
            firstPage.clear();
        }
        flush();
    }

    @Override
    public final void finish() {
        pageEnd();
        if (!laidOut) {
            empty();
        }
        flush();
    }
}

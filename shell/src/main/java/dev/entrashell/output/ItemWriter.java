package dev.entrashell.output;

import com.google.gson.JsonObject;

/**
 * Writes the items of a collection as they arrive, page by page, so that paging to the end never holds
 * more than one page. {@link #pageEnd()} lets a format fix its layout on the first page (columns,
 * widths) and keep it for the rest.
 */
public interface ItemWriter {
    void item(JsonObject item);

    default void pageEnd() {}

    /** Closes the structure (a JSON array, a table) and flushes. */
    void finish();
}

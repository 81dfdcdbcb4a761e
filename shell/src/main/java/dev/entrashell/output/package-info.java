/**
 * How results are written: table, list, JSON, CSV and TSV writers that take a collection item by item,
 * the renderer that picks one, and progress on stderr. Depends only on {@code errors} (and Gson).
 */
package dev.entrashell.output;

package dev.entrashell.output;

/** The {@code --output} formats. */
public enum OutputFormat {
    table,
    list,
    json,
    csv,
    tsv,
    raw,
    none
}

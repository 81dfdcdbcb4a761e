package dev.entrashell.emulator.graph.query;

import java.util.Locale;

/** The $filter capabilities a property can have, as Graph's documentation tabulates them. */
public enum FilterOperator {
    EQ("eq"),
    NE("ne"),
    NOT("not"),
    /** ge, and also gt. */
    GE("ge"),
    /** le, and also lt. */
    LE("le"),
    IN("in"),
    STARTS_WITH("startsWith"),
    ENDS_WITH("endsWith"),
    /** Comparing with null ({@code eq null}, {@code ne null}). */
    NULL("null"),
    /** Lambda {@code any} over a collection. */
    ANY("any");

    private final String odataName;

    FilterOperator(String odataName) {
        this.odataName = odataName;
    }

    public String odataName() {
        return odataName;
    }

    static FilterOperator named(String name) {
        for (FilterOperator operator : values()) {
            if (operator.odataName.equalsIgnoreCase(name)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("unknown filter operator: " + name.toLowerCase(Locale.ROOT));
    }
}

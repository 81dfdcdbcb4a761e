package dev.entrashell.emulator.graph.query;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.google.gson.stream.JsonWriter;

/**
 * One property of a Graph entity type: how to read it, write it as JSON, and which query options
 * Graph supports on it ({@code $filter} operators by default and with advanced queries,
 * {@code $orderby}, {@code $search}).
 *
 * @param <T> the entity's Java type
 */
public final class Property<T> {

    /** The property's EDM type, for literal checks and comparisons. */
    public enum Kind {
        STRING("Edm.String"),
        BOOLEAN("Edm.Boolean"),
        GUID("Edm.Guid"),
        DATE_TIME("Edm.DateTimeOffset"),
        STRINGS("Collection(Edm.String)"),
        COMPLEX("Complex"),
        OBJECTS("Collection(Complex)");

        private final String edmName;

        Kind(String edmName) {
            this.edmName = edmName;
        }

        public String edmName() {
            return edmName;
        }
    }

    /** How {@code $orderby} treats the property. */
    public enum Sort {
        NONE,
        DEFAULT,
        ADVANCED
    }

    /** Writes a property value (the name is already written). */
    @FunctionalInterface
    public interface ValueWriter<T> {
        void write(JsonWriter out, T entity) throws IOException;
    }

    private final String name;
    private final Kind kind;
    private final Function<T, Object> value;
    private final ValueWriter<T> writer;
    private final boolean byDefault;
    private final Set<FilterOperator> filterByDefault;
    private final Set<FilterOperator> filterAdvanced;
    private final Sort sort;
    private final boolean tokenizedSearch;
    private final String requiredRole;
    private final Map<String, Property<T>> children;

    private Property(Builder<T> builder) {
        this.name = builder.name;
        this.kind = builder.kind;
        this.value = builder.value;
        this.writer = builder.writer != null ? builder.writer : defaultWriter(builder.kind, builder.value);
        this.byDefault = builder.byDefault;
        this.filterByDefault = Collections.unmodifiableSet(builder.filterByDefault);
        this.filterAdvanced = Collections.unmodifiableSet(builder.filterAdvanced);
        this.sort = builder.sort;
        this.tokenizedSearch = builder.tokenizedSearch;
        this.requiredRole = builder.requiredRole;
        Map<String, Property<T>> children = new LinkedHashMap<>();
        builder.children.forEach(child -> children.put(child.name.toLowerCase(Locale.ROOT), child));
        this.children = Collections.unmodifiableMap(children);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The value for comparisons: a String, Boolean, Instant, List of String, or null. */
    public Object valueOf(T entity) {
        return value == null ? null : value.apply(entity);
    }

    public void writeValue(JsonWriter out, T entity) throws IOException {
        writer.write(out, entity);
    }

    /** Returned without {@code $select}. */
    public boolean byDefault() {
        return byDefault;
    }

    public boolean filterable(FilterOperator operator, boolean advanced) {
        return filterByDefault.contains(operator) || (advanced && filterAdvanced.contains(operator));
    }

    public Sort sort() {
        return sort;
    }

    /** $search matches words (tokens) of the value rather than its start. */
    public boolean tokenizedSearch() {
        return tokenizedSearch;
    }

    /** A string property $search can use (Graph: any property that supports $filter). */
    public boolean searchable() {
        return (kind == Kind.STRING || kind == Kind.STRINGS)
                && (tokenizedSearch || !filterByDefault.isEmpty() || !filterAdvanced.isEmpty());
    }

    /** A role the caller needs, in addition to the operation's, to read this property; or null. */
    public String requiredRole() {
        return requiredRole;
    }

    /** Properties of a complex value, such as {@code signInActivity/lastSignInDateTime}. */
    public Property<T> child(String childName) {
        return children.get(childName.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- building --------------------------------------------------------------------------------

    public static <T> Builder<T> string(String name, Function<T, String> value) {
        return new Builder<>(name, Kind.STRING, value::apply);
    }

    public static <T> Builder<T> guid(String name, Function<T, String> value) {
        return new Builder<>(name, Kind.GUID, value::apply);
    }

    public static <T> Builder<T> bool(String name, Function<T, Boolean> value) {
        return new Builder<>(name, Kind.BOOLEAN, value::apply);
    }

    public static <T> Builder<T> dateTime(String name, Function<T, Instant> value) {
        return new Builder<>(name, Kind.DATE_TIME, value::apply);
    }

    public static <T> Builder<T> strings(String name, Function<T, List<String>> value) {
        return new Builder<>(name, Kind.STRINGS, value::apply);
    }

    /** A complex value written by the writer; filterable only through its children. */
    public static <T> Builder<T> complex(String name, ValueWriter<T> writer) {
        return new Builder<T>(name, Kind.COMPLEX, null).writer(writer);
    }

    /** A collection of complex values written by the writer; not filterable. */
    public static <T> Builder<T> objects(String name, ValueWriter<T> writer) {
        return new Builder<T>(name, Kind.OBJECTS, null).writer(writer);
    }

    /** Builds a property. */
    public static final class Builder<T> {
        private final String name;
        private final Kind kind;
        private final Function<T, Object> value;
        private ValueWriter<T> writer;
        private boolean byDefault;
        private final Set<FilterOperator> filterByDefault = EnumSet.noneOf(FilterOperator.class);
        private final Set<FilterOperator> filterAdvanced = EnumSet.noneOf(FilterOperator.class);
        private Sort sort = Sort.NONE;
        private boolean tokenizedSearch;
        private String requiredRole;
        private final List<Property<T>> children = new java.util.ArrayList<>();

        private Builder(String name, Kind kind, Function<T, Object> value) {
            this.name = name;
            this.kind = kind;
            this.value = value;
        }

        /** Part of the default property set. */
        public Builder<T> byDefault() {
            this.byDefault = true;
            return this;
        }

        /**
         * The $filter operators Graph supports: those that work by default, and those that need
         * advanced query parameters, as space-separated names (eq ne not ge le in startsWith
         * endsWith null any). "ge"/"le" also allow "gt"/"lt".
         */
        public Builder<T> filter(String byDefault, String advanced) {
            parse(byDefault, filterByDefault);
            parse(advanced, filterAdvanced);
            return this;
        }

        public Builder<T> sort(Sort sort) {
            this.sort = sort;
            return this;
        }

        public Builder<T> tokenizedSearch() {
            this.tokenizedSearch = true;
            return this;
        }

        public Builder<T> requiresRole(String role) {
            this.requiredRole = role;
            return this;
        }

        public Builder<T> writer(ValueWriter<T> writer) {
            this.writer = writer;
            return this;
        }

        public Builder<T> child(Builder<T> child) {
            this.children.add(child.build());
            return this;
        }

        public Property<T> build() {
            return new Property<>(this);
        }

        private static void parse(String names, Set<FilterOperator> into) {
            for (String name : names.trim().split("\\s+")) {
                if (!name.isEmpty()) {
                    into.add(FilterOperator.named(name));
                }
            }
        }
    }

    private static <T> ValueWriter<T> defaultWriter(Kind kind, Function<T, Object> value) {
        return (out, entity) -> writeJson(out, kind, value == null ? null : value.apply(entity));
    }

    /** Writes a simple value as Graph does: ISO instants, string arrays, explicit nulls. */
    public static void writeJson(JsonWriter out, Kind kind, Object value) throws IOException {
        if (value == null) {
            if (kind == Kind.STRINGS || kind == Kind.OBJECTS) {
                out.beginArray().endArray();
            } else {
                out.nullValue();
            }
        } else if (value instanceof Boolean bool) {
            out.value(bool.booleanValue());
        } else if (value instanceof Instant instant) {
            out.value(DateTimeFormatter.ISO_INSTANT.format(instant));
        } else if (value instanceof List<?> list) {
            out.beginArray();
            for (Object item : list) {
                out.value(String.valueOf(item));
            }
            out.endArray();
        } else {
            out.value(value.toString());
        }
    }
}

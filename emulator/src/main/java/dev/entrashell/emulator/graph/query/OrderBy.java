package dev.entrashell.emulator.graph.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.entrashell.emulator.graph.error.GraphException;

/**
 * A parsed {@code $orderby}: properties with {@code asc} or {@code desc}, checked against what
 * Graph sorts by default, only with advanced query parameters, or not at all.
 */
public final class OrderBy {

    /** One sort key. */
    public record Key(String property, boolean descending) {}

    private final String text;
    private final List<Key> keys;

    private OrderBy(String text, List<Key> keys) {
        this.text = text;
        this.keys = List.copyOf(keys);
    }

    public static OrderBy parse(String text) throws GraphException {
        List<Key> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw GraphException.badRequest("Invalid $orderby: '" + text + "'.");
            }
            boolean descending = false;
            if (words.length == 2) {
                String direction = words[1].toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw GraphException.badRequest(
                            "Syntax error at position " + (text.indexOf(words[1])) + " in '" + text + "'.");
                }
                descending = direction.equals("desc");
            }
            keys.add(new Key(words[0], descending));
        }
        return new OrderBy(text, keys);
    }

    public String text() {
        return text;
    }

    public List<Key> keys() {
        return keys;
    }

    /**
     * Checks each key as Graph does.
     *
     * @param advanced the request has ConsistencyLevel: eventual and $count=true
     * @param filtered the request also has $filter (Graph sorts a filtered directory query only in
     *     advanced queries)
     */
    public void check(EntityType<?> type, boolean advanced, boolean filtered) throws GraphException {
        if (keys.size() > 1 && !advanced) {
            throw notSupported();
        }
        for (Key key : keys) {
            Property<?> property = type.property(key.property());
            if (property == null) {
                throw GraphException.directoryBadRequest("Could not find a property named '" + key.property()
                        + "' on type '" + type.directoryName() + "'.");
            }
            if (property.sort() == Property.Sort.NONE) {
                throw GraphException.unsupportedQuery("Order by '" + property.name() + "' is not supported.");
            }
            if ((property.sort() == Property.Sort.ADVANCED || filtered) && !advanced) {
                throw notSupported();
            }
        }
    }

    private static GraphException notSupported() {
        return GraphException.unsupportedQuery("Sorting not supported for current query.");
    }

    /** The order over objects of the type; nulls sort last, strings ignore case. */
    public Comparator<Object> comparator(EntityType<?> type) {
        Comparator<Object> order = null;
        for (Key key : keys) {
            Comparator<Object> byKey = (a, b) -> compareValues(
                    Filter.valueOf(EntityTypes.of(a), a, List.of(key.property())),
                    Filter.valueOf(EntityTypes.of(b), b, List.of(key.property())));
            if (key.descending()) {
                byKey = byKey.reversed();
            }
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        return order;
    }

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof String x && b instanceof String y) {
            int order = x.compareToIgnoreCase(y);
            return order != 0 ? order : x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** A cache key naming the order, e.g. "displayName desc". */
    public String key() {
        StringBuilder key = new StringBuilder();
        for (Key k : keys) {
            key.append(k.property().toLowerCase(Locale.ROOT)).append(k.descending() ? " desc," : " asc,");
        }
        return key.toString();
    }
}

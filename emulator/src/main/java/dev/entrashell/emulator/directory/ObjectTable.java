package dev.entrashell.emulator.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One kind of directory object in a fixed order (creation order, the default paging order) with
 * an index by id. Not thread-safe: {@link TenantObjects} guards it with its lock.
 */
final class ObjectTable<T extends DirectoryObject> {
    private final ArrayList<T> order = new ArrayList<>();
    private final Map<String, T> byId = new HashMap<>();

    T get(String id) {
        return id == null ? null : byId.get(id.toLowerCase(Locale.ROOT));
    }

    /** The objects with these ids, in this order (null for an id that has none). */
    List<T> getAll(Collection<String> ids) {
        List<T> result = new ArrayList<>(ids.size());
        ids.forEach(id -> result.add(get(id)));
        return result;
    }

    void add(T object) {
        String key = object.id().toLowerCase(Locale.ROOT);
        if (byId.putIfAbsent(key, object) != null) {
            throw new IllegalArgumentException("duplicate object id: " + object.id());
        }
        order.add(object);
    }

    /** Replaces the object with the same id, keeping its position. */
    void replace(T object) {
        String key = object.id().toLowerCase(Locale.ROOT);
        T old = byId.get(key);
        if (old == null) {
            throw new IllegalArgumentException("no object with id " + object.id());
        }
        order.set(positionOf(old), object);
        byId.put(key, object);
    }

    T remove(String id) {
        T old = byId.remove(id.toLowerCase(Locale.ROOT));
        if (old != null) {
            order.remove(positionOf(old));
        }
        return old;
    }

    void clear() {
        order.clear();
        byId.clear();
    }

    void ensureCapacity(int size) {
        order.ensureCapacity(size);
    }

    int size() {
        return order.size();
    }

    /** A read-only view, valid while the caller holds the store's lock. */
    List<T> view() {
        return Collections.unmodifiableList(order);
    }

    private int positionOf(T object) {
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i) == object) {
                return i;
            }
        }
        throw new IllegalStateException("index out of step with order for " + object.id());
    }
}

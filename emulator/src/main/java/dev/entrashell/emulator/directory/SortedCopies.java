package dev.entrashell.emulator.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sorted copies of a tenant's collections, so that paging through a sorted listing sorts once per
 * change of the directory, not once per page; every change drops them. {@link TenantObjects} calls
 * {@link #get} under its read lock and {@link #changed} under its write lock.
 */
final class SortedCopies {
    private final Map<String, List<?>> copies = new ConcurrentHashMap<>();
    private long version;

    /** @param key names the collection and the order, e.g. "users|displayName asc" */
    List<?> get(String key, List<?> source, Comparator<Object> order) {
        return copies.computeIfAbsent(version + "|" + key, k -> {
            List<Object> copy = new ArrayList<>(source);
            copy.sort(order);
            return Collections.unmodifiableList(copy);
        });
    }

    void changed() {
        version++;
        copies.clear();
    }
}

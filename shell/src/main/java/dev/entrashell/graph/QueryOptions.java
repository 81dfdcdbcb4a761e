package dev.entrashell.graph;

import okhttp3.HttpUrl;

/**
 * The OData query options of a request. They are added as query parameters with OkHttp's encoding
 * (so {@code $filter=startswith(displayName,'A')} arrives as Graph expects), and {@code $count} or
 * {@code $search} make the request an advanced query, which needs {@code ConsistencyLevel: eventual}
 * on every page.
 */
public record QueryOptions(
        Integer top, String select, String filter, String search, String orderby, String expand, boolean count) {

    public static QueryOptions none() {
        return new QueryOptions(null, null, null, null, null, null, false);
    }

    public boolean needsEventualConsistency() {
        return count || search != null;
    }

    HttpUrl applyTo(HttpUrl url) {
        HttpUrl.Builder builder = url.newBuilder();
        set(builder, "$top", top == null ? null : top.toString());
        set(builder, "$select", select);
        set(builder, "$filter", filter);
        set(builder, "$search", search == null ? null : quoted(search));
        set(builder, "$orderby", orderby);
        set(builder, "$expand", expand);
        set(builder, "$count", count ? "true" : null);
        return builder.build();
    }

    private static void set(HttpUrl.Builder builder, String name, String value) {
        if (value != null) {
            builder.setQueryParameter(name, value);
        }
    }

    /** Graph wants {@code $search="displayName:word"} in double quotes; people often leave them out. */
    private static String quoted(String search) {
        String trimmed = search.strip();
        return trimmed.startsWith("\"") ? trimmed : "\"" + trimmed + "\"";
    }
}

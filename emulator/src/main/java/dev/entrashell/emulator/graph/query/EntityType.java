package dev.entrashell.emulator.graph.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.google.gson.stream.JsonWriter;

import dev.entrashell.emulator.directory.TenantObjects;

/**
 * A Graph entity type (user, group, ...): its properties in Graph's order, the default property
 * set, the navigation properties {@code $expand} accepts, and the names Graph's error messages use.
 *
 * @param <T> the Java type of its objects
 */
public final class EntityType<T> {

    /**
     * A navigation property that {@code $expand} can follow.
     *
     * @param collection false for a single object (such as a user's manager)
     * @param resolve the related objects of the object with this id
     */
    public record Navigation(String name, boolean collection, BiFunction<TenantObjects, String, List<?>> resolve) {}

    private final Class<T> javaType;
    private final String entitySet;
    private final String typeName;
    private final String resourceName;
    private final Function<T, String> id;
    private final Map<String, Property<T>> properties = new LinkedHashMap<>();
    private final List<Property<T>> defaults = new ArrayList<>();
    private final Map<String, Navigation> navigations = new LinkedHashMap<>();

    /**
     * @param entitySet e.g. "users"
     * @param typeName e.g. "user" (for {@code #microsoft.graph.user})
     * @param resourceName e.g. "User", as directory error messages name it
     */
    public EntityType(
            Class<T> javaType,
            String entitySet,
            String typeName,
            String resourceName,
            Function<T, String> id,
            List<Property<T>> properties) {
        this.javaType = javaType;
        this.entitySet = entitySet;
        this.typeName = typeName;
        this.resourceName = resourceName;
        this.id = id;
        for (Property<T> property : properties) {
            this.properties.put(property.name().toLowerCase(Locale.ROOT), property);
            if (property.byDefault()) {
                defaults.add(property);
            }
        }
    }

    public EntityType<T> navigation(Navigation navigation) {
        navigations.put(navigation.name().toLowerCase(Locale.ROOT), navigation);
        return this;
    }

    public String entitySet() {
        return entitySet;
    }

    /** e.g. "#microsoft.graph.user". */
    public String odataType() {
        return "#microsoft.graph." + typeName;
    }

    /** e.g. "microsoft.graph.user", as OData error messages name the type. */
    public String qualifiedName() {
        return "microsoft.graph." + typeName;
    }

    /** e.g. "Microsoft.DirectoryServices.User", as directory error messages name the type. */
    public String directoryName() {
        return "Microsoft.DirectoryServices." + resourceName;
    }

    /** e.g. "User", as {@code Request_UnsupportedQuery} messages name the resource. */
    public String resourceName() {
        return resourceName;
    }

    public String idOf(T entity) {
        return id.apply(entity);
    }

    public boolean isInstance(Object object) {
        return javaType.isInstance(object);
    }

    public T cast(Object object) {
        return javaType.cast(object);
    }

    /** By name, ignoring case; null when the type has no such property. */
    public Property<T> property(String name) {
        return properties.get(name.toLowerCase(Locale.ROOT));
    }

    public List<Property<T>> properties() {
        return List.copyOf(properties.values());
    }

    public List<Property<T>> defaults() {
        return Collections.unmodifiableList(defaults);
    }

    public Navigation navigation(String name) {
        return navigations.get(name.toLowerCase(Locale.ROOT));
    }

    /** Writes the named properties of the entity (the caller opens and closes the object). */
    public void writeProperties(JsonWriter out, Object entity, List<Property<T>> selection) throws IOException {
        T typed = cast(entity);
        for (Property<T> property : selection) {
            out.name(property.name());
            property.writeValue(out, typed);
        }
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}

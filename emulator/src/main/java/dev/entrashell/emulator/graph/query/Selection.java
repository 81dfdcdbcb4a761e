package dev.entrashell.emulator.graph.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.entrashell.emulator.graph.error.GraphException;

/**
 * A parsed {@code $select}: property names in the order given (names ignore case), resolved per
 * entity type so that a mixed collection (a group's members) writes each object's own properties.
 * Without {@code $select}, each type's default properties.
 */
public final class Selection {
    private final List<String> names;
    private final Map<EntityType<?>, List<?>> perType = new HashMap<>();

    private Selection(List<String> names) {
        this.names = names;
    }

    /** The default properties of each type. */
    public static Selection defaults() {
        return new Selection(null);
    }

    /**
     * @param types the types the objects can have; the first names the type in error messages
     * @throws GraphException 400 naming the first property no type has
     */
    public static Selection parse(Optional<String> select, List<EntityType<?>> types) throws GraphException {
        if (select.isEmpty() || select.get().isBlank()) {
            return defaults();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String raw : select.get().split(",")) {
            String name = raw.strip();
            if (name.equals("*")) {
                types.get(0).properties().forEach(property -> names.add(property.name()));
                continue;
            }
            String canonical = null;
            for (EntityType<?> type : types) {
                Property<?> property = type.property(name);
                if (property != null) {
                    canonical = property.name();
                    break;
                }
            }
            if (canonical == null) {
                throw GraphException.directoryBadRequest("Could not find a property named '" + name + "' on type '"
                        + types.get(0).directoryName() + "'.");
            }
            names.add(canonical);
        }
        return new Selection(new ArrayList<>(names));
    }

    /** The properties to write for an object of this type, in the order selected. */
    public <T> List<Property<T>> propertiesFor(EntityType<T> type) {
        @SuppressWarnings("unchecked")
        List<Property<T>> cached = (List<Property<T>>) perType.get(type);
        if (cached != null) {
            return cached;
        }
        List<Property<T>> properties;
        if (names == null) {
            properties = type.defaults();
        } else {
            properties = new ArrayList<>();
            for (String name : names) {
                Property<T> property = type.property(name);
                if (property != null) {
                    properties.add(property);
                }
            }
        }
        perType.put(type, properties);
        return properties;
    }

    /** Roles that reading the selected properties needs, besides the operation's (e.g. AuditLog.Read.All). */
    public Set<String> requiredRoles(EntityType<?> type) {
        Set<String> roles = new LinkedHashSet<>();
        if (names != null) {
            for (String name : names) {
                Property<?> property = type.property(name);
                if (property != null && property.requiredRole() != null) {
                    roles.add(property.requiredRole());
                }
            }
        }
        return roles;
    }

    /** The {@code (a,b)} suffix of {@code @odata.context}, or "". */
    public String contextSuffix() {
        return names == null ? "" : "(" + String.join(",", names) + ")";
    }
}

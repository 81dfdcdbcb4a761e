package dev.entrashell.emulator.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.entrashell.emulator.graph.error.GraphException;

/**
 * A parsed {@code $expand}: navigation properties to write inline, each optionally with its own
 * {@code $select}, e.g. {@code manager($select=id,displayName)}. As in Graph, an expanded
 * collection holds at most 20 objects.
 */
public final class Expansion {
    /** Graph's limit on objects in an expanded collection. */
    public static final int MAX_EXPANDED = 20;

    /** One navigation to expand. */
    public record Item(EntityType.Navigation navigation, Selection selection) {}

    private static final Expansion NONE = new Expansion(List.of());

    private final List<Item> items;

    private Expansion(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public static Expansion none() {
        return NONE;
    }

    public static Expansion parse(Optional<String> expand, EntityType<?> type) throws GraphException {
        if (expand.isEmpty() || expand.get().isBlank()) {
            return NONE;
        }
        List<Item> items = new ArrayList<>();
        for (String part : splitTopLevel(expand.get())) {
            String name = part;
            String options = null;
            int open = part.indexOf('(');
            if (open >= 0) {
                if (!part.endsWith(")")) {
                    throw GraphException.badRequest("Invalid $expand: '" + expand.get() + "'.");
                }
                name = part.substring(0, open).strip();
                options = part.substring(open + 1, part.length() - 1).strip();
            }
            EntityType.Navigation navigation = type.navigation(name);
            if (navigation == null) {
                if (type.property(name) != null) {
                    throw GraphException.badRequest("Property '" + name + "' on type '" + type.qualifiedName()
                            + "' is not a navigation property or complex property. Only navigation properties can"
                            + " be expanded.");
                }
                throw GraphException.badRequest(
                        "Could not find a property named '" + name + "' on type '" + type.qualifiedName() + "'.");
            }
            Selection selection = Selection.defaults();
            if (options != null && !options.isEmpty()) {
                String select = null;
                for (String option : options.split(";")) {
                    int equals = option.indexOf('=');
                    String key = (equals < 0 ? option : option.substring(0, equals))
                            .strip()
                            .toLowerCase(Locale.ROOT);
                    if (key.equals("$select") || key.equals("select")) {
                        select = option.substring(equals + 1);
                    } else {
                        throw GraphException.badRequest(
                                "The query option '" + key + "' is not supported inside $expand by this emulator.");
                    }
                }
                selection = Selection.parse(Optional.ofNullable(select), targets(navigation.name()));
            }
            items.add(new Item(navigation, selection));
        }
        return new Expansion(items);
    }

    public List<Item> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The types the navigation's objects can have (the first names them in errors). */
    static List<EntityType<?>> targets(String navigation) {
        return switch (navigation.toLowerCase(Locale.ROOT)) {
            case "manager", "directreports" -> List.of(EntityTypes.USER);
            case "memberof" -> List.of(EntityTypes.GROUP);
            case "approleassignments" -> List.of(EntityTypes.APP_ROLE_ASSIGNMENT);
            default -> EntityTypes.DIRECTORY_OBJECT_TYPES;
        };
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }
}

package dev.entrashell.emulator.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.http.UrlEncodedForm;

/**
 * The OData system query options of a request, URL-decoded. As in Graph v1.0, the {@code $} prefix
 * is optional and names are case-insensitive, so {@code top}, {@code $top} and {@code $Top} are one
 * option; giving one twice is an error.
 *
 * @param system option values by lower-case name without {@code $} (e.g. "top", "skiptoken")
 * @param custom every other parameter, as sent
 */
public record QueryOptions(Map<String, String> system, Map<String, List<String>> custom) {
    public static final Set<String> SYSTEM_OPTIONS = Set.of(
            "top",
            "skip",
            "skiptoken",
            "filter",
            "select",
            "orderby",
            "count",
            "search",
            "expand",
            "format",
            "deltatoken",
            "levels",
            "apply");

    public QueryOptions {
        system = Map.copyOf(system);
        custom = Map.copyOf(custom);
    }

    public static QueryOptions none() {
        return new QueryOptions(Map.of(), Map.of());
    }

    public static QueryOptions parse(String rawQuery) throws GraphException {
        Map<String, List<String>> parameters;
        try {
            parameters = UrlEncodedForm.parse(rawQuery);
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("The query string is not valid: " + e.getMessage());
        }
        Map<String, String> system = new LinkedHashMap<>();
        Map<String, List<String>> custom = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            boolean dollar = name.startsWith("$");
            String option = (dollar ? name.substring(1) : name).toLowerCase(Locale.ROOT);
            if (!SYSTEM_OPTIONS.contains(option)) {
                if (dollar) {
                    throw GraphException.badRequest("The query parameter '" + name + "' is not supported.");
                }
                custom.put(name, parameter.getValue());
                continue;
            }
            if (system.containsKey(option) || parameter.getValue().size() > 1) {
                throw GraphException.badRequest("Query option '" + capitalized(option)
                        + "' was specified more than once, but it must be specified at most once.");
            }
            system.put(option, parameter.getValue().get(0));
        }
        return new QueryOptions(system, custom);
    }

    public Optional<String> get(String option) {
        return Optional.ofNullable(system.get(option));
    }

    public boolean has(String option) {
        return system.containsKey(option);
    }

    /** The page size: {@code $top} when given (1 to max), else the default. */
    public int pageSize(int defaultSize, int max) throws GraphException {
        Optional<String> top = get("top");
        if (top.isEmpty()) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(top.get().strip());
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below, with the same message as an out-of-range number
        }
        throw GraphException.directoryBadRequest(
                "Invalid page size specified: '" + top.get() + "'. Must be between 1 and " + max + " inclusive.");
    }

    private static String capitalized(String option) {
        return Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }
}

package dev.entrashell.emulator.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.UrlEncodedForm;

/**
 * The query of a managed identity token request, parsed once: single values only, so that a
 * repeated parameter is noticed rather than silently resolved.
 */
final class IdentityQuery {
    private final Map<String, List<String>> parameters;

    private IdentityQuery(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /**
     * @param refusal the endpoint's refusal with a message: a broken escape or a repeated parameter
     *     makes the query unreadable
     */
    static IdentityQuery of(ServerRequest request, Function<String, IdentityException> refusal)
            throws IdentityException {
        Map<String, List<String>> parameters;
        try {
            parameters = UrlEncodedForm.parse(request.rawQuery());
        } catch (IllegalArgumentException e) {
            throw refusal.apply("The query string is not valid.");
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw refusal.apply("The query parameter '" + parameter.getKey() + "' is repeated.");
            }
        }
        return new IdentityQuery(parameters);
    }

    /** The value, unless absent or empty. */
    Optional<String> get(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0).strip());
    }

    /**
     * The identity selectors present, in the order given.
     *
     * @param names the parameter names this endpoint reads, each with what it names
     */
    List<IdentitySelector> selectors(Map<String, IdentitySelector.Kind> names) {
        List<IdentitySelector> selectors = new ArrayList<>();
        names.forEach(
                (name, kind) -> get(name).ifPresent(value -> selectors.add(new IdentitySelector(kind, name, value))));
        return selectors;
    }
}

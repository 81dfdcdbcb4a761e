package dev.entrashell.emulator.graph;

import dev.entrashell.emulator.graph.error.GraphException;

/**
 * Refuses query options a handler does not implement yet, rather than ignoring them: a filter that
 * is silently ignored would return wrong data, and a test passing here would fail on a tenant.
 */
final class UnsupportedQueries {
    private UnsupportedQueries() {}

    static void reject(QueryOptions query, String... options) throws GraphException {
        for (String option : options) {
            if (!query.has(option)) {
                continue;
            }
            if (option.equals("skip")) {
                throw GraphException.directoryBadRequest("'$skip' is not supported by the service.");
            }
            throw GraphException.unsupportedQuery(
                    "The query option '$" + option + "' is not supported by the Entra Shell emulator yet.");
        }
    }
}

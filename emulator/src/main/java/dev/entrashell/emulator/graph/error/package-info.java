/**
 * Graph's errors: {@link dev.entrashell.emulator.graph.error.GraphException} carries the HTTP status,
 * {@code error.code} and message of every error the Graph server gives, with one factory per error.
 *
 * <p>Rule: a leaf; depends on nothing of the emulator, so the query parser and the server can both
 * throw it.
 */
package dev.entrashell.emulator.graph.error;

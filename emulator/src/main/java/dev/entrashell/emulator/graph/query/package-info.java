/**
 * Graph's OData query options on directory objects, parsed and checked against each entity type's
 * capabilities as Graph documents them: {@code $select}, {@code $filter}, {@code $search}, {@code
 * $orderby}, {@code $expand}, and the entity types and properties themselves.
 *
 * <p>Rule: depends on {@code directory} (the objects it reads), {@code graph.error} and {@code
 * graph.permission} only; it knows no HTTP, so it can be tested as plain functions.
 */
package dev.entrashell.emulator.graph.query;

/**
 * The Microsoft Graph server: bearer token validation, throttling, routing with the permission
 * invariant (every route has an entry in {@link
 * dev.entrashell.emulator.graph.permission.GraphPermissions}), and the handlers of reads, writes and
 * {@code $batch}, answering with Graph's shapes, paging and errors.
 *
 * <p>Rule: depends on {@code graph.query}, {@code graph.error}, {@code graph.permission}, {@code
 * directory}, {@code http}, {@code json}, {@code jwt} and {@code token} (to check the tokens the login
 * server issues); nothing below it depends on it.
 */
package dev.entrashell.emulator.graph;

/**
 * The managed identity endpoints a host offers its code: App Service's local token service and the
 * instance metadata service (IMDS), each with its own request and error shapes, issuing tokens for
 * the identities assigned to the emulated host.
 *
 * <p>Rule: depends on {@code directory}, {@code http}, {@code token} (to issue the tokens) and {@code
 * token.error} only.
 */
package dev.entrashell.emulator.identity;

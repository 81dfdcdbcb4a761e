/**
 * The managed identity endpoints a host offers its code: App Service's local token service and the
 * instance metadata service (IMDS), each with its own request and error shapes, issuing tokens for
 * the identities assigned to the emulated host. An endpoint stops at its first failed check by
 * throwing {@link dev.entrashell.emulator.identity.IdentityException}; the server turns it into the
 * answer, in the shape of that endpoint's service ({@link dev.entrashell.emulator.identity.IdentityErrors}).
 *
 * <p>Rule: depends on {@code directory}, {@code http}, {@code token} (to issue the tokens) and {@code
 * token.error} only.
 */
package dev.entrashell.emulator.identity;

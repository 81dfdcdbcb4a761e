/**
 * The login server, as Entra ID's: the client credentials token endpoint with its checks in Entra's
 * order (the first failure answers), discovery documents and keys, and the access tokens it issues.
 *
 * <p>Rule: depends on {@code token.error}, {@code token.federation}, {@code token.sni}, {@code
 * directory}, {@code http}, {@code jwt} and {@code tls} only.
 */
package dev.entrashell.emulator.token;

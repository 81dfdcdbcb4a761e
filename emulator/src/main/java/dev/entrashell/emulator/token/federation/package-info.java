/**
 * Workload identity federation: verifying a client assertion issued by an external OpenID Connect
 * issuer against the app's federated identity credentials, and the issuers the emulator hosts
 * (shaped like a Kubernetes service account issuer) to mint such tokens.
 *
 * <p>Rule: depends on {@code token.error}, {@code directory}, {@code http}, {@code json}, {@code jwt}
 * and {@code tls} only; the token endpoint calls it, never the reverse.
 */
package dev.entrashell.emulator.token.federation;

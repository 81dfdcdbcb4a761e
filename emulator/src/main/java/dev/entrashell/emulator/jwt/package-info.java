/**
 * JSON Web Signatures: compact JWS encoding, the algorithms Entra uses and accepts, and the token
 * signing key with its JWK form. Verification is the JDK's own {@link java.security.Signature}, never
 * code shared with the shell, so a client's mistake cannot be mirrored here.
 *
 * <p>Rule: depends on {@code json} and {@code tls} only.
 */
package dev.entrashell.emulator.jwt;

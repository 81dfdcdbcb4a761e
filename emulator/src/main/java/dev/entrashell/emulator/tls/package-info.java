/**
 * Certificates and keys: the CA the emulator generates, the loopback server certificate issued from
 * it, client certificates, PEM and thumbprints. BouncyCastle stays in here.
 *
 * <p>Rule: a leaf; depends on nothing of the emulator.
 */
package dev.entrashell.emulator.tls;

/**
 * Subject name and issuer (SN+I) authentication: a client assertion signed with a certificate that
 * is not registered on the app, accepted when the app trusts its subject and its chain leads to a
 * certificate authority the tenant trusts.
 *
 * <p>Rule: depends on {@code token.error}, {@code directory}, {@code jwt} and {@code tls} only; the
 * token endpoint calls it, never the reverse.
 */
package dev.entrashell.emulator.token.sni;

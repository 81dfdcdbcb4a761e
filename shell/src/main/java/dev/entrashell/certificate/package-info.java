/**
 * Certificates and their keys: the stores connect and the cert commands search (files, folders, the
 * Windows and macOS stores), PEM and PKCS#12 reading and writing, the checks a credential certificate
 * must pass, new self-signed certificates and the possession proof {@code cert rotate} signs. It knows
 * nothing of signing in: {@code auth} uses it to load the certificate a credential names. Rule: no
 * MSAL here and no import from {@code auth}; depends on {@code session} and {@code errors} only.
 */
package dev.entrashell.certificate;

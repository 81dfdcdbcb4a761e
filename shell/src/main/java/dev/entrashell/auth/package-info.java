/**
 * Credentials and certificates: the certificate stores, files and checks, the credential forms, and the
 * token sources that sign in; the only package that uses MSAL4J, and the one that builds a
 * {@code Connection}. Depends on {@code net}, {@code session} and {@code errors}.
 */
package dev.entrashell.auth;

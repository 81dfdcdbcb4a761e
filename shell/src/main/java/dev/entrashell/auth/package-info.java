/**
 * Signing in as an app: the credential forms and their validating factories, the token sources that
 * sign in, and the one {@code Connector} that builds a {@code Connection}; the only package that uses
 * MSAL4J. Certificates themselves are {@code certificate}'s. Depends on {@code certificate},
 * {@code net}, {@code session} and {@code errors}.
 */
package dev.entrashell.auth;

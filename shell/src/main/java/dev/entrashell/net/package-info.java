/**
 * The HTTP clients of a connection (OkHttp): TLS trust per environment, the deadline of an exchange,
 * retries, the one origin the token may go to, redirects kept on it, and the {@code --debug} log.
 * Depends on {@code session} and {@code errors}.
 */
package dev.entrashell.net;

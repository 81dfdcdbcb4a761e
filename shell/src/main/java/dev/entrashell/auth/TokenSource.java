package dev.entrashell.auth;

/** Gives a valid access token for the connection's resource, renewing it when needed. */
public interface TokenSource {
    AccessToken token();
}

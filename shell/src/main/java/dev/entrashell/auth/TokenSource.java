package dev.entrashell.auth;

import java.util.Optional;

/** Gives a valid access token for the connection's resource, renewing it when needed. */
public interface TokenSource {
    AccessToken token();

    /** The token last given, even if it has expired, without asking for one: for offline questions such as its roles. */
    Optional<AccessToken> lastToken();
}

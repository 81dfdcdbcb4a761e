package dev.entrashell.auth;

import java.util.Optional;

/** Gives a valid access token for the connection's resource, renewing it when needed. */
public interface TokenSource {
    AccessToken token();

    /** The token held now, valid or not, without asking for one: for listings that must request nothing. */
    Optional<AccessToken> held();
}

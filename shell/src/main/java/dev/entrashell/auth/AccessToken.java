package dev.entrashell.auth;

import java.time.Instant;

/** An access token and when it expires. Its value is a secret: {@link #toString()} never shows it. */
public record AccessToken(String value, Instant expiresOn) {

    public TokenClaims claims() {
        return TokenClaims.parse(value);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresOn=" + expiresOn + "]";
    }
}

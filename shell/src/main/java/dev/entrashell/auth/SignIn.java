package dev.entrashell.auth;

/** A prepared credential: where its tokens come from, and what the session will say it signed in with. */
public record SignIn(TokenSource tokens, SignedInWith signedInWith) {}

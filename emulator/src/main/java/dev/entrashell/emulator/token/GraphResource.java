package dev.entrashell.emulator.token;

/** Microsoft Graph as a resource (the API the emulator issues tokens for). */
public final class GraphResource {
    /** Graph's application id: a scope may name the resource by it. */
    public static final String APP_ID = "00000003-0000-0000-c000-000000000000";
    /** Graph's application ID URI, the {@code aud} of the tokens Entra issues for it. */
    public static final String URI = "https://graph.microsoft.com";

    private GraphResource() {}
}

package dev.entrashell.emulator.token.error;

/**
 * One error of the token endpoint, before the per-request parts (trace id, timestamp) are added.
 *
 * @param status the HTTP status Entra answers with
 * @param error the OAuth 2.0 {@code error} value
 * @param code the AADSTS number
 * @param message the text after {@code AADSTSnnnn: }
 */
public record AadError(int status, String error, int code, String message) {}

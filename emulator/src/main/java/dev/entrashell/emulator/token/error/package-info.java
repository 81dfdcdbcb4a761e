/**
 * Every error of the token endpoint in one catalogue, with Entra's HTTP status, OAuth error, AADSTS
 * code and wording, and the exception that stops a request at its first failed check.
 *
 * <p>Rule: a leaf; depends on nothing of the emulator, so each verifier and endpoint can answer with
 * the same errors.
 */
package dev.entrashell.emulator.token.error;

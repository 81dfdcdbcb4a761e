/**
 * The one JSON writer and reader settings every server uses (explicit nulls, no HTML escaping).
 *
 * <p>Rule: a leaf; depends on Gson only.
 */
package dev.entrashell.emulator.json;

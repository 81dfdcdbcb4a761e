/**
 * {@code cert rotate}: an app rolls its own certificate through Graph's {@code addKey} and {@code
 * removeKey}, step by step, so that whatever fails the app keeps a key that signs in, and a re-run
 * finishes what a failed or killed run began (the state of a rotation under way is kept in a file).
 */
package dev.entrashell.rotation;

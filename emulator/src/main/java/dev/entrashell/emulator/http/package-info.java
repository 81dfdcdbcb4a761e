/**
 * The HTTP plumbing every server stands on: loopback-only JDK servers, requests read in full and
 * answered by plain {@link dev.entrashell.emulator.http.RequestHandler} functions, the log of {@link
 * dev.entrashell.emulator.http.RecordedRequest}s, and the hooks for answers that misbehave.
 *
 * <p>Rule: depends on {@code json} only; it knows nothing of tokens, Graph or the directory.
 */
package dev.entrashell.emulator.http;

package dev.entrashell.emulator.http;

/** A server's whole behaviour: one request in, one response out. */
@FunctionalInterface
public interface RequestHandler {
    ServerResponse handle(ServerRequest request);
}

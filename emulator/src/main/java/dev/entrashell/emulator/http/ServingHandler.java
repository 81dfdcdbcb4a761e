package dev.entrashell.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Adapts a {@link RequestHandler} to the JDK server: reads the whole request, calls the handler,
 * writes its response and records the exchange. Anything the handler throws becomes a 500 here, so
 * one bad request never takes a server thread's connection down silently.
 */
public final class ServingHandler implements HttpHandler {
    /** Token requests and Graph bodies are small; refuse anything larger than this. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final String server;
    private final RequestHandler handler;
    private final RequestLog log;
    private final Clock clock;
    private final Supplier<ResponseFault> fault;

    public ServingHandler(String server, RequestHandler handler, RequestLog log, Clock clock) {
        this(server, handler, log, clock, () -> ResponseFault.NONE);
    }

    /** A server whose answers go through {@code fault}, read afresh for every request. */
    public ServingHandler(
            String server, RequestHandler handler, RequestLog log, Clock clock, Supplier<ResponseFault> fault) {
        this.server = server;
        this.handler = handler;
        this.log = log;
        this.clock = clock;
        this.fault = fault;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            Map<String, List<String>> readOnlyHeaders = Collections.unmodifiableMap(headers);
            byte[] body = readBody(exchange.getRequestBody());
            ServerRequest request = new ServerRequest(
                    server,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    readOnlyHeaders,
                    body == null ? new byte[0] : body,
                    clock.instant());
            ResponseFault faults = fault.get();
            ServerResponse response = body == null
                    ? ServerResponse.text(413, "Request body too large")
                    : faults.answer(request, this::respond);
            // Recorded before the answer goes out, so a client that has its answer finds the request in the log.
            log.record(new RecordedRequest(
                    request.receivedAt(),
                    server,
                    request.method(),
                    request.pathAndQuery(),
                    readOnlyHeaders,
                    request.body().length == 0 ? null : request.bodyText(),
                    response == null ? 0 : response.status(),
                    response == null ? Map.of() : response.headers()));
            if (response != null) { // dropped: the exchange closed unanswered closes the connection
                write(exchange, request, response, faults);
            }
        }
    }

    /** The handler's response; null when it dropped the connection ({@link DroppedConnection}). */
    private ServerResponse respond(ServerRequest request) {
        try {
            return handler.handle(request);
        } catch (DroppedConnection e) {
            return null;
        } catch (RuntimeException e) {
            return ServerResponse.text(500, "Internal emulator error: " + e);
        }
    }

    private static void write(
            HttpExchange exchange, ServerRequest request, ServerResponse response, ResponseFault faults)
            throws IOException {
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = response.body().length == 0 || "HEAD".equals(request.method());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                faults.writeBody(out, response.body());
            }
        }
    }

    /** Returns the body, or null when it is larger than the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }
}

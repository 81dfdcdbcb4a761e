package dev.entrashell.emulator.faults;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.http.LoopbackServer;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.http.RequestLog;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.http.ServingHandler;

/**
 * A second HTTPS server on another port of 127.0.0.1, trusted through the emulator's own CA, where a
 * client must never send anything: the place a foreign link or redirect points to. It answers every
 * request with an empty Graph page (so a client that did come would carry on as if nothing happened)
 * and records it with its headers, token included.
 */
public final class Bystander implements AutoCloseable {
    private final LoopbackServer server;
    private final RequestLog log = new RequestLog(RequestLog.DEFAULT_CAPACITY);

    private Bystander(LoopbackServer server) {
        this.server = server;
    }

    /** Starts a bystander with {@code tls}, the same server identity as the emulator's. */
    public static Bystander start(SSLContext tls, Clock clock) throws IOException {
        Bystander bystander = new Bystander(LoopbackServer.https("bystander", 0, tls));
        JsonObject page = new JsonObject();
        page.add("value", new JsonArray());
        bystander.server.serve(new ServingHandler(
                "bystander",
                request -> ServerResponse.json(200, "application/json", page, Map.of()),
                bystander.log,
                clock));
        return bystander;
    }

    /** {@code https://127.0.0.1:PORT}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** {@code http://127.0.0.1:PORT}: the same port, for a link that also drops TLS. */
    public URI plainHttpUri() {
        return URI.create("http://" + server.baseUri().getRawAuthority());
    }

    /** Everything that reached it; a client that keeps its token to Graph leaves this empty. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    @Override
    public void close() {
        server.close();
    }
}

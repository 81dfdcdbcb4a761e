package dev.entrashell.emulator.graph;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.http.DroppedConnection;
import dev.entrashell.emulator.http.RequestHandler;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.json.Json;

/**
 * The {@code DieAfterPages} fault, around the Graph server: counts the collection pages it answers
 * and, once the allowance is spent, drops the connection instead of answering a page. The page is
 * computed first (the server dies before it answers), so only collection pages are refused.
 */
public final class DyingPages implements RequestHandler {
    private final RequestHandler graph;
    /** Pages still to answer; null: the fault is off. Replaced whole when the fault is set. */
    private volatile AtomicInteger left;

    public DyingPages(RequestHandler graph) {
        this.graph = graph;
    }

    /** @param pages how many more pages are answered; negative: off */
    public void set(int pages) {
        this.left = pages < 0 ? null : new AtomicInteger(pages);
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        ServerResponse response = graph.handle(request);
        AtomicInteger allowance = left;
        if (allowance != null && collectionPage(response) && allowance.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            throw new DroppedConnection();
        }
        return response;
    }

    private static boolean collectionPage(ServerResponse response) {
        if (response.status() != 200 || response.body().length == 0) {
            return false;
        }
        JsonObject body = Json.parseObjectOrNull(new String(response.body(), StandardCharsets.UTF_8));
        return body != null && body.has("value") && body.get("value").isJsonArray();
    }
}

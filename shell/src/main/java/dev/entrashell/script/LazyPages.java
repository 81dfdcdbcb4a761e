package dev.entrashell.script;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.errors.ShellException;
import dev.entrashell.graph.GraphClient;
import dev.entrashell.graph.GraphRequest;
import dev.entrashell.graph.NextLinks;
import dev.entrashell.graph.QueryOptions;

/**
 * The items of a paged collection, one page in memory at a time: the next page is fetched only when
 * the loop has used up the one before, so a script that stops early sends no more requests.
 */
final class LazyPages implements Iterator<Object> {
    private final Supplier<GraphClient> client;
    private final Deque<JsonElement> items = new ArrayDeque<>();
    private GraphRequest next;
    private NextLinks links;

    LazyPages(Supplier<GraphClient> client, GraphRequest first) {
        this.client = client;
        this.next = first;
    }

    @Override
    public boolean hasNext() {
        while (items.isEmpty() && next != null) {
            fetch();
        }
        return !items.isEmpty();
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return JsonValues.toJava(items.removeFirst());
    }

    private void fetch() {
        if (Thread.currentThread().isInterrupted()) {
            throw ShellException.interrupted("paging stopped");
        }
        GraphClient graph = client.get();
        GraphRequest request = next;
        if (links == null) {
            links = graph.nextLinks(request);
        } else { // a next link, checked only now, once the loop has used every item before it
            request = request.withTarget(links.follow(request.target()).toString());
        }
        JsonElement body = graph.send(request).json();
        if (!body.isJsonObject()) {
            throw new ShellException("Graph answered a page that is not a JSON object; paging stopped.");
        }
        JsonObject page = body.getAsJsonObject();
        JsonElement values = page.get("value");
        if (values != null && values.isJsonArray()) {
            values.getAsJsonArray().forEach(items::addLast);
        } else {
            items.addLast(page); // a single object: the "collection" of one
        }
        JsonElement link = page.get("@odata.nextLink");
        next = link == null || link.isJsonNull()
                ? null
                : new GraphRequest(
                        "GET", link.getAsString(), request.apiVersion(), request.headers(), null, QueryOptions.none());
    }
}

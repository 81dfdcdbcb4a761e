package dev.entrashell.graph;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.auth.AccessToken;
import dev.entrashell.auth.Connection;
import dev.entrashell.errors.ShellException;
import dev.entrashell.net.Deadlines;
import dev.entrashell.net.NetworkErrors;
import dev.entrashell.net.RefusedRequest;
import dev.entrashell.session.Cancellation;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends requests to the connection's Graph endpoint with its token, through Graph's HTTP pipeline:
 * one request, or a GET followed page by page through {@code @odata.nextLink}.
 */
public final class GraphClient {
    public static final String USER_AGENT = "EntraShell/0.1";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Receives each page of a paged GET; the page is dropped after the call, so memory stays flat. */
    public interface PageSink {
        void page(JsonObject page) throws IOException;
    }

    private final Connection connection;
    private final Cancellation cancellation;
    private final GraphPermissionMap hints;

    public GraphClient(Connection connection, Cancellation cancellation, GraphPermissionMap hints) {
        this.connection = connection;
        this.cancellation = cancellation;
        this.hints = hints;
    }

    public GraphResponse send(GraphRequest request) {
        return execute(request, url(request));
    }

    /** Follows {@code @odata.nextLink} verbatim to the last page, re-sending the headers on every page. */
    public void pages(GraphRequest request, PageSink sink) throws IOException {
        HttpUrl url = url(request);
        NextLinks links = nextLinks(request);
        while (url != null) {
            if (Thread.currentThread().isInterrupted()) {
                throw ShellException.interrupted("paging stopped");
            }
            JsonElement body = execute(request, url).json();
            if (!body.isJsonObject()) {
                throw new ShellException("Graph answered a page that is not a JSON object; paging stopped.");
            }
            JsonObject page = body.getAsJsonObject();
            JsonElement next = page.remove("@odata.nextLink");
            sink.page(page);
            url = next == null || next.isJsonNull() ? null : links.follow(next.getAsString());
        }
    }

    /** The checks for the links of the listing that {@code first} begins. */
    public NextLinks nextLinks(GraphRequest first) {
        return new NextLinks(connection.http().graphOrigin(), url(first));
    }

    private HttpUrl url(GraphRequest request) {
        return request.options()
                .applyTo(GraphUrls.resolve(connection.environment(), request.target(), request.apiVersion()));
    }

    @SuppressWarnings("try") // the registration lives exactly as long as the call; its body does not use it
    private GraphResponse execute(GraphRequest request, HttpUrl url) {
        AccessToken token = connection.tokens().token();
        Request.Builder builder = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .header("client-request-id", UUID.randomUUID().toString())
                .header("User-Agent", USER_AGENT);
        if (request.options().needsEventualConsistency()) {
            builder.header("ConsistencyLevel", "eventual");
        }
        request.headers().forEach(h -> builder.header(h.name(), h.value()));
        builder.header("Authorization", "Bearer " + token.value());
        RequestBody body = request.body() == null ? null : RequestBody.create(request.body(), JSON);
        if (body == null
                && (request.method().equals("POST")
                        || request.method().equals("PUT")
                        || request.method().equals("PATCH"))) {
            body = RequestBody.create(new byte[0], JSON);
        }
        builder.method(request.method(), body);
        Call call = connection.http().graphClient().newCall(builder.build());
        AtomicBoolean cancelled = new AtomicBoolean();
        try (Cancellation.Tracked tracked = cancellation.track(() -> {
                    cancelled.set(true);
                    call.cancel();
                });
                Response response = call.execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (!response.isSuccessful()) {
                throw GraphErrors.from(
                        response.code(),
                        request.method(),
                        url.toString(),
                        text,
                        response.header("request-id"),
                        token.claims(),
                        hints);
            }
            return new GraphResponse(
                    response.code(), response.header("request-id"), response.header("Content-Type"), text);
        } catch (ShellException e) {
            throw e;
        } catch (RefusedRequest e) {
            throw new ShellException(e.getMessage(), e);
        } catch (IOException e) {
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                throw ShellException.interrupted("the request to " + url.host() + " was cancelled");
            }
            if (call.isCanceled()) { // by OkHttp's call timeout: the deadline passed
                throw Deadlines.passed(connection.http(), e);
            }
            throw NetworkErrors.explain(
                    e,
                    connection.environment().graph(),
                    connection.environment().name());
        } catch (Exception e) {
            throw new ShellException("Request to " + url.host() + " failed: " + e, e);
        }
    }
}

package dev.entrashell.graph;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.UUID;

import dev.entrashell.ShellException;
import dev.entrashell.auth.AccessToken;
import dev.entrashell.net.NetworkErrors;
import dev.entrashell.session.Connection;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Sends requests to the connection's Graph endpoint with its token, through Graph's HTTP pipeline. */
public final class GraphClient {
    public static final String USER_AGENT = "EntraShell/0.1";

    private final Connection connection;

    public GraphClient(Connection connection) {
        this.connection = connection;
    }

    public GraphResponse get(String target, String apiVersion) {
        HttpUrl url = GraphUrls.resolve(connection.environment(), target, apiVersion);
        AccessToken token = connection.tokens().token();
        Request request = new Request.Builder()
                .url(url)
                .get()
                .header("Authorization", "Bearer " + token.value())
                .header("Accept", "application/json")
                .header("client-request-id", UUID.randomUUID().toString())
                .header("User-Agent", USER_AGENT)
                .build();
        Call call = connection.http().graphClient().newCall(request);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw GraphErrors.from(
                        response.code(), "GET", url.toString(), text, response.header("request-id"), token.claims());
            }
            return new GraphResponse(response.code(), response.header("request-id"), text);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw ShellException.interrupted("the request to " + url.host() + " was cancelled");
            }
            throw NetworkErrors.explain(
                    e,
                    connection.environment().graph(),
                    connection.environment().name());
        } catch (IOException e) {
            throw NetworkErrors.explain(
                    e,
                    connection.environment().graph(),
                    connection.environment().name());
        }
    }
}

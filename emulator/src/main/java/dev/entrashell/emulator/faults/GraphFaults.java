package dev.entrashell.emulator.faults;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.http.RequestHandler;
import dev.entrashell.emulator.http.ResponseFault;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.json.Json;

/**
 * The Graph faults a client must survive without hanging or giving its token away, each one a
 * {@link ResponseFault} for {@code Emulator.setGraphFault}.
 */
public final class GraphFaults {
    private GraphFaults() {}

    /**
     * Every page's {@code @odata.nextLink} keeps its path and query but points at {@code origin}
     * (scheme, host and port): a link a client must not follow with its token.
     */
    public static ResponseFault nextLinkTo(URI origin) {
        return new ResponseFault() {
            @Override
            public ServerResponse answer(ServerRequest request, RequestHandler serve) {
                return withNextLink(serve.handle(request), link -> {
                    URI next = URI.create(link);
                    return origin.getScheme() + "://" + origin.getRawAuthority() + next.getRawPath()
                            + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
                });
            }
        };
    }

    /**
     * Every page's {@code @odata.nextLink} is the page just asked for: a server stuck on one page,
     * which a client following links verbatim would ask for forever.
     */
    public static ResponseFault loopingNextLink() {
        return new ResponseFault() {
            @Override
            public ServerResponse answer(ServerRequest request, RequestHandler serve) {
                String self = request.header("Host")
                        .map(host -> "https://" + host + request.pathAndQuery())
                        .orElseThrow();
                return withNextLink(serve.handle(request), link -> self);
            }
        };
    }

    /**
     * Requests for {@code path} (without the query) are answered with {@code status} (301, 302, 303,
     * 307 or 308) and {@code Location: location}, without being served (a redirected POST creates
     * nothing).
     */
    public static ResponseFault redirect(String path, int status, URI location) {
        if (status < 300 || status > 308) {
            throw new IllegalArgumentException("not a redirect status: " + status);
        }
        return new ResponseFault() {
            @Override
            public ServerResponse answer(ServerRequest request, RequestHandler serve) {
                if (!request.rawPath().equals(path)) {
                    return serve.handle(request);
                }
                return new ServerResponse(status, Map.of("Location", location.toString()), new byte[0]);
            }
        };
    }

    /**
     * Every Graph request is answered with {@code status} and {@code Retry-After: seconds}, without
     * being served: a storm that retrying never gets through.
     */
    public static ResponseFault storm(int status, int retryAfterSeconds) {
        return new ResponseFault() {
            @Override
            public ServerResponse answer(ServerRequest request, RequestHandler serve) {
                JsonObject error = new JsonObject();
                error.addProperty("code", status == 429 ? "TooManyRequests" : "ServiceUnavailable");
                error.addProperty("message", "The emulator's storm fault answers every request with " + status + ".");
                JsonObject body = new JsonObject();
                body.add("error", error);
                return ServerResponse.json(
                        status, "application/json", body, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
            }
        };
    }

    /**
     * Answers as usual, but writes the body one byte every {@code perByte}: a server that never times
     * out a client that only bounds the gap between reads.
     */
    public static ResponseFault trickle(Duration perByte) {
        return new ResponseFault() {
            @Override
            public void writeBody(OutputStream out, byte[] body) throws IOException {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    try {
                        Thread.sleep(perByte.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("the emulator is closing");
                    }
                }
            }
        };
    }

    private static ServerResponse withNextLink(ServerResponse answer, java.util.function.UnaryOperator<String> link) {
        if (answer == null) {
            return null; // the connection was dropped (DieAfterPages): nothing to rewrite
        }
        JsonObject body = Json.parseObjectOrNull(new String(answer.body(), StandardCharsets.UTF_8));
        if (body == null || !body.has("@odata.nextLink")) {
            return answer;
        }
        body.addProperty(
                "@odata.nextLink", link.apply(body.get("@odata.nextLink").getAsString()));
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        return new ServerResponse(answer.status(), headers, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}

package dev.entrashell.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import dev.entrashell.session.Diagnostics;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Logs each HTTP exchange to {@code --debug}, as {@code az --debug} does: method and URL, the headers
 * each way, and the bodies (JSON pretty, cut past {@value #BODY_LIMIT} characters), then status and time.
 * Headers that carry a credential are never shown; the bodies go through the redactor like every debug
 * line, which masks tokens, assertions, secrets and passwords by shape and by value.
 */
final class DebugInterceptor implements Interceptor {
    static final int BODY_LIMIT = 4096;
    private static final Set<String> SECRET_FIELDS = Set.of(
            "password",
            "secrettext",
            "client_secret",
            "client_assertion",
            "access_token",
            "refresh_token",
            "id_token",
            "token");
    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-identity-header", "secret");

    private final Diagnostics diagnostics;

    DebugInterceptor(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!diagnostics.enabled()) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        diagnostics.log("HTTP " + request.method() + " " + request.url() + headers("> ", request.headers())
                + requestBody(request.body()));
        try {
            Response response = chain.proceed(request);
            diagnostics.log("HTTP " + response.code() + " from " + request.url().host() + ":"
                    + request.url().port()
                    + " in " + (System.nanoTime() - start) / 1_000_000 + " ms"
                    + requestId(response)
                    + headers("< ", response.headers())
                    + responseBody(response));
            return response;
        } catch (IOException e) {
            diagnostics.log("HTTP " + request.method() + " " + request.url() + " failed: " + e);
            throw e;
        }
    }

    private static String headers(String direction, Headers headers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            boolean credential = CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
            text.append("\n  ").append(direction).append(name).append(": ");
            text.append(credential ? credentialShape(headers.value(i)) : headers.value(i));
        }
        return text.toString();
    }

    /** "Bearer ***": the scheme says which credential went, never its value. */
    private static String credentialShape(String value) {
        int space = value.indexOf(' ');
        return space > 0 ? value.substring(0, space) + " ***" : "***";
    }

    private static String requestBody(RequestBody body) throws IOException {
        if (body == null || body.isOneShot() || body.isDuplex()) {
            return "";
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return body(
                body.contentType(),
                buffer.size(),
                buffer.readString(Math.min(buffer.size(), BODY_LIMIT + 1), StandardCharsets.UTF_8));
    }

    private static String responseBody(Response response) throws IOException {
        ResponseBody peeked = response.peekBody(BODY_LIMIT + 1);
        ResponseBody body = response.body();
        long length = body == null ? -1 : body.contentLength();
        return body(peeked.contentType(), length, peeked.string());
    }

    private static String body(MediaType type, long length, String text) {
        if (text.isEmpty()) {
            return "";
        }
        String size = length >= 0 ? String.format("%,d bytes", length) : "length not announced";
        if (type != null
                && !"json".equals(type.subtype())
                && !type.subtype().endsWith("+json")
                && !"text".equals(type.type())
                && !"x-www-form-urlencoded".equals(type.subtype())) {
            return "\n  body (" + size + ", " + type + ": not shown)";
        }
        boolean cut = text.length() > BODY_LIMIT;
        boolean json =
                type != null && ("json".equals(type.subtype()) || type.subtype().endsWith("+json"));
        String shown = cut ? text.substring(0, BODY_LIMIT) : json ? pretty(text) : text;
        return "\n  body (" + size + (cut ? ", the first " + BODY_LIMIT + " characters" : "") + "):\n"
                + shown.indent(4).stripTrailing();
    }

    /** Whole JSON pretty, the values of secret fields masked; text that does not parse as it is. */
    private static String pretty(String text) {
        try {
            JsonElement json = JsonParser.parseString(text);
            mask(json);
            return new GsonBuilder()
                    .setPrettyPrinting()
                    .disableHtmlEscaping()
                    .serializeNulls()
                    .create()
                    .toJson(json);
        } catch (JsonParseException | IllegalStateException notJson) {
            return text;
        }
    }

    /**
     * Masks the fields that hold a secret in Graph's and Entra's bodies (a new user's password, the
     * secret text {@code addPassword} returns, tokens) whatever their value looks like: inside a JSON
     * string a secret may be escaped, so masking by value alone could miss it.
     */
    private static void mask(JsonElement json) {
        if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(DebugInterceptor::mask);
        } else if (json.isJsonObject()) {
            for (Map.Entry<String, JsonElement> field : json.getAsJsonObject().entrySet()) {
                if (SECRET_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                    field.setValue(new JsonPrimitive("***"));
                } else {
                    mask(field.getValue());
                }
            }
        }
    }

    private static String requestId(Response response) {
        String id = response.header("request-id");
        return id == null ? "" : " (request-id " + id + ")";
    }
}

package dev.entrashell.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * MSAL's token requests through the connection's own HTTP client, so they get the environment's TLS
 * trust, real timeouts (MSAL's default client waits forever) and the {@code --debug} log.
 */
final class MsalHttpClient implements IHttpClient {
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded; charset=utf-8");

    private final OkHttpClient http;
    private final TokenEndpointAnswers answers;

    MsalHttpClient(OkHttpClient http) {
        this(http, new TokenEndpointAnswers());
    }

    /** @param answers where each answer's status and type are noted, for the error message */
    MsalHttpClient(OkHttpClient http, TokenEndpointAnswers answers) {
        this.http = http;
        this.answers = answers;
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        Request.Builder builder = new Request.Builder().url(request.url());
        if (request.headers() != null) {
            request.headers().forEach(builder::header);
        }
        String method = request.httpMethod().name();
        RequestBody body = request.body() == null
                ? (method.equals("POST") ? RequestBody.create(new byte[0], FORM) : null)
                : RequestBody.create(request.body(), contentType(request));
        builder.method(method, body);
        try (Response response = http.newCall(builder.build()).execute()) {
            answers.add(response.code(), response.header("Content-Type"));
            HttpResponse answer = new HttpResponse().statusCode(response.code());
            ResponseBody responseBody = response.body();
            answer.body(responseBody == null ? "" : responseBody.string());
            Map<String, List<String>> headers = new HashMap<>(response.headers().toMultimap());
            answer.addHeaders(headers);
            return answer;
        }
    }

    private static MediaType contentType(HttpRequest request) {
        String declared = request.headerValue("Content-Type");
        return declared == null ? FORM : MediaType.parse(declared);
    }
}

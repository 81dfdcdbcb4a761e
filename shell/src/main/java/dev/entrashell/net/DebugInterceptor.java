package dev.entrashell.net;

import java.io.IOException;

import dev.entrashell.session.Diagnostics;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Logs each HTTP exchange to {@code --debug}: method, URL, status, time. Headers and bodies never. */
final class DebugInterceptor implements Interceptor {
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
        diagnostics.log("HTTP " + request.method() + " " + request.url());
        try {
            Response response = chain.proceed(request);
            diagnostics.log("HTTP " + response.code() + " from " + request.url().host() + ":"
                    + request.url().port()
                    + " in " + (System.nanoTime() - start) / 1_000_000 + " ms"
                    + requestId(response));
            return response;
        } catch (IOException e) {
            diagnostics.log("HTTP " + request.method() + " " + request.url() + " failed: " + e);
            throw e;
        }
    }

    private static String requestId(Response response) {
        String id = response.header("request-id");
        return id == null ? "" : " (request-id " + id + ")";
    }
}

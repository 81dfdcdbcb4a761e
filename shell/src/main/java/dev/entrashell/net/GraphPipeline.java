package dev.entrashell.net;

import java.time.Duration;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.kiota.http.middleware.RedirectHandler;
import com.microsoft.kiota.http.middleware.RetryHandler;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Graph's own HTTP pipeline from graph-core, on top of the connection's base client so that TLS trust,
 * connection pool and timeouts are shared, with three of its parts replaced by the shell's: retries that
 * say why the prompt waits, redirects that stay on the Graph origin, and the origin check itself, last,
 * so nothing reaches the network without passing it. Kept in its own class so graph-core's classes load
 * only when the first Graph call is made.
 */
final class GraphPipeline {
    private GraphPipeline() {}

    static OkHttpClient build(
            OkHttpClient base, GraphOrigin origin, Duration deadline, Interceptor retry, Interceptor debug) {
        OkHttpClient.Builder builder = base.newBuilder();
        builder.interceptors().clear();
        for (Interceptor middleware : GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption())) {
            if (!(middleware instanceof RetryHandler) && !(middleware instanceof RedirectHandler)) {
                builder.addInterceptor(middleware);
            }
        }
        return builder.addInterceptor(new SameOriginRedirects(origin))
                .addInterceptor(retry)
                // Innermost: it sees every attempt, the retries' and the redirects' included.
                .addInterceptor(new OriginGuard(origin))
                .addInterceptor(debug)
                .followRedirects(false)
                .followSslRedirects(false)
                .readTimeout(deadline)
                // The whole exchange, retries, waits and a slowly trickling body included: nothing
                // unattended may hang on a server that answers a byte at a time.
                .callTimeout(deadline)
                .build();
    }
}

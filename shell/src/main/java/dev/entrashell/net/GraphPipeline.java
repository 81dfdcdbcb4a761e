package dev.entrashell.net;

import java.time.Duration;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Graph's own HTTP pipeline from graph-core, on top of the connection's base client so that TLS trust,
 * connection pool and timeouts are shared. Kept in its own class so graph-core's classes load only
 * when the first Graph call is made.
 */
final class GraphPipeline {
    private GraphPipeline() {}

    static OkHttpClient build(OkHttpClient base, Duration timeout, Interceptor retry, Interceptor debug) {
        OkHttpClient.Builder builder = base.newBuilder();
        builder.interceptors().clear();
        for (Interceptor middleware : GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption())) {
            // Ours retries the same way but tells the user it is waiting (see RetryInterceptor).
            if (!middleware.getClass().getSimpleName().equals("RetryHandler")) {
                builder.addInterceptor(middleware);
            }
        }
        builder.addInterceptor(retry);
        // The debug interceptor sits innermost so it logs every attempt, retries included.
        return builder.addInterceptor(debug)
                .followRedirects(false)
                .readTimeout(timeout)
                .callTimeout(
                        Duration.ZERO) // each attempt has its read timeout; waits for Retry-After are bounded by the
                // retry count
                .build();
    }
}

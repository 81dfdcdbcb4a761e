package dev.entrashell.net;

import java.time.Clock;
import java.time.Duration;

import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Environment;
import dev.entrashell.session.Sleeper;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients of one connection, both bound to the environment's TLS trust and to the connection's
 * deadline for one exchange: a plain one for the token endpoint (MSAL does its own retrying) and one
 * with Graph's middleware (retry on 429/503/504 honouring Retry-After, redirects within the Graph
 * origin, compression) for Graph calls, which sends nothing anywhere but the Graph origin.
 */
public final class HttpStack {
    private final OkHttpClient tokenClient;
    private final Diagnostics diagnostics;
    private final Duration timeout;
    private final GraphOrigin graphOrigin;
    private final java.util.function.Consumer<String> retryNotices;
    private final Clock clock;
    private final Sleeper sleeper;
    private OkHttpClient graphClient;

    public HttpStack(
            Environment environment,
            Duration timeout,
            Diagnostics diagnostics,
            java.util.function.Consumer<String> retryNotices,
            Clock clock,
            Sleeper sleeper) {
        this.diagnostics = diagnostics;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retryNotices = retryNotices;
        this.timeout = timeout;
        this.graphOrigin = GraphOrigin.of(environment.graph());
        TlsTrust trust = TlsTrust.forCaFile(environment.caFile());
        this.tokenClient = new OkHttpClient.Builder()
                .sslSocketFactory(trust.socketFactory(), trust.trustManager())
                .connectTimeout(Duration.ofSeconds(Math.min(10, timeout.toSeconds())))
                .readTimeout(timeout)
                .callTimeout(timeout)
                .followRedirects(false)
                .addInterceptor(new DebugInterceptor(diagnostics))
                .build();
    }

    public OkHttpClient tokenClient() {
        return tokenClient;
    }

    /** Built on first use: graph-core's middleware is only loaded when Graph is called. */
    public synchronized OkHttpClient graphClient() {
        if (graphClient == null) {
            graphClient = GraphPipeline.build(
                    tokenClient,
                    graphOrigin,
                    timeout,
                    new RetryInterceptor(retryNotices, clock, sleeper),
                    new DebugInterceptor(diagnostics));
        }
        return graphClient;
    }

    /** Where this connection's Graph requests, and its token, may go. */
    public GraphOrigin graphOrigin() {
        return graphOrigin;
    }

    /** The deadline of one exchange, retries included ({@code connect --timeout}). */
    public Duration timeout() {
        return timeout;
    }
}

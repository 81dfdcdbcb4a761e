package dev.entrashell.script;

import java.net.URI;
import java.util.Map;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;

import dev.entrashell.auth.Connection;
import dev.entrashell.net.GraphOrigin;
import dev.entrashell.session.Cancellation;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Graph SDK's typed client for the {@code graph} binding: the connection's endpoint, its tokens and
 * its HTTP pipeline (TLS trust, retries, {@code --debug}), with a token provider that gives the token
 * to the environment's Graph host only. Ctrl-C cancels its calls as it does the shell's own.
 */
final class TypedGraph {
    private TypedGraph() {}

    static GraphServiceClient create(Connection connection, Cancellation cancellation) {
        HttpUrl endpoint = HttpUrl.get(connection.environment().graph().toString());
        OkHttpClient http = connection
                .http()
                .graphClient()
                .newBuilder()
                .addInterceptor(chain -> {
                    AutoCloseable tracked = cancellation.track(chain.call()::cancel);
                    try {
                        return chain.proceed(chain.request());
                    } finally {
                        untrack(tracked);
                    }
                })
                .build();
        String base = endpoint.newBuilder().addPathSegment("v1.0").build().toString();
        BaseGraphRequestAdapter adapter = new BaseGraphRequestAdapter(
                new BaseBearerTokenAuthenticationProvider(new OriginBoundTokens(connection)),
                base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                http);
        return new GraphServiceClient(adapter);
    }

    private static void untrack(AutoCloseable tracked) {
        try {
            tracked.close();
        } catch (Exception e) {
            throw new IllegalStateException(e); // Cancellation's handle does not throw
        }
    }

    /**
     * The connection's token, for requests to the Graph origin (scheme, host and port) and nowhere else.
     * Kiota's own host check compares the name only, so another port of the Graph host passed it; the
     * HTTP client refuses such a request anyway, and this refuses to hand out the token for it.
     */
    private static final class OriginBoundTokens implements AccessTokenProvider {
        private final Connection connection;
        private final GraphOrigin origin;
        private final AllowedHostsValidator hosts;

        OriginBoundTokens(Connection connection) {
            this.connection = connection;
            this.origin = connection.http().graphOrigin();
            this.hosts = new AllowedHostsValidator(origin.host());
        }

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
            if (!origin.owns(uri)) {
                return "";
            }
            return connection.tokens().token().value();
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
        }
    }
}

package dev.entrashell.script;

import java.net.URI;
import java.util.Map;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;

import dev.entrashell.session.Cancellation;
import dev.entrashell.session.Connection;
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
                new BaseBearerTokenAuthenticationProvider(new HostBoundTokens(connection, endpoint.host())),
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

    /** The connection's token, for https requests to the Graph host and nowhere else. */
    private static final class HostBoundTokens implements AccessTokenProvider {
        private final Connection connection;
        private final AllowedHostsValidator hosts;

        HostBoundTokens(Connection connection, String graphHost) {
            this.connection = connection;
            this.hosts = new AllowedHostsValidator(graphHost);
        }

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
            if (!"https".equalsIgnoreCase(uri.getScheme()) || !hosts.isUrlHostValid(uri)) {
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

package dev.entrashell.net;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The innermost check of every Graph client: a request that is not for the connection's Graph origin is
 * refused before any connection is opened to it, token or not. Whatever built the request (a command,
 * a script helper, the SDK's page iterator, a redirect handler) cannot get past it.
 */
final class OriginGuard implements Interceptor {
    private final GraphOrigin origin;

    OriginGuard(GraphOrigin origin) {
        this.origin = origin;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!origin.owns(request.url())) {
            throw new RefusedRequest("Refusing to send a request to " + GraphOrigin.describe(request.url())
                    + ": this connection's token and requests go to its Graph endpoint " + origin + " only.");
        }
        return chain.proceed(request);
    }
}

package dev.entrashell.net;

import java.io.IOException;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows Graph's redirects within the connection's Graph origin and refuses the others, naming the
 * target. Replaces graph-core's redirect handler, which follows a redirect to another port or to plain
 * HTTP and replays the request body there (a new user's password, say). As browsers do, 307 and 308
 * keep the method and body; 301, 302 and 303 turn into a GET without a body.
 */
final class SameOriginRedirects implements Interceptor {
    static final int MAX_REDIRECTS = 5;

    private final GraphOrigin origin;

    SameOriginRedirects(GraphOrigin origin) {
        this.origin = origin;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        for (int redirects = 0; isRedirect(response.code()); redirects++) {
            String location = response.header("Location");
            if (location == null) {
                return response;
            }
            HttpUrl target = response.request().url().resolve(location);
            if (target == null || !origin.owns(target)) {
                response.close();
                throw new RefusedRequest("Graph redirected " + request.method() + " "
                        + request.url().encodedPath()
                        + " to " + (target == null ? location : GraphOrigin.describe(target) + target.encodedPath())
                        + "; not followed: this connection's token and requests go to its Graph endpoint "
                        + origin + " only.");
            }
            if (redirects == MAX_REDIRECTS) {
                response.close();
                throw new RefusedRequest("Graph redirected " + request.method() + " "
                        + request.url().encodedPath() + " more than " + MAX_REDIRECTS + " times; stopped at " + target
                        + ".");
            }
            response.close();
            request = keepsMethod(response.code())
                    ? request.newBuilder().url(target).build()
                    : request.newBuilder()
                            .url(target)
                            .method("GET", null)
                            .removeHeader("Content-Type")
                            .removeHeader("Content-Length")
                            .build();
            response = chain.proceed(request);
        }
        return response;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean keepsMethod(int status) {
        return status == 307 || status == 308;
    }
}

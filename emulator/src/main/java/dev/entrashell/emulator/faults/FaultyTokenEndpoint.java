package dev.entrashell.emulator.faults;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import dev.entrashell.emulator.http.RequestHandler;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;

/**
 * In front of the login server: while a {@link LoginFault} is set, token requests get it instead of an
 * answer; everything else, and every request while no fault is set, goes to the login server.
 */
public final class FaultyTokenEndpoint implements RequestHandler {
    private static final String TOKEN_PATH = "/oauth2/v2.0/token";
    private static final String PAGE = "<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head>"
            + "<body><h1>Service unavailable</h1><p>The gateway could not reach the sign-in service.</p></body></html>\n";

    private final RequestHandler loginServer;
    private volatile LoginFault fault = LoginFault.none();

    public FaultyTokenEndpoint(RequestHandler loginServer) {
        this.loginServer = loginServer;
    }

    public void setFault(LoginFault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public LoginFault fault() {
        return fault;
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        LoginFault current = fault;
        if (current.isOff() || !request.rawPath().endsWith(TOKEN_PATH)) {
            return loginServer.handle(request);
        }
        return switch (current.kind()) {
            case SERVER_ERROR -> new ServerResponse(current.status(), Map.of(), new byte[0]);
            case HTML_PAGE ->
                new ServerResponse(
                        current.status(),
                        Map.of("Content-Type", "text/html; charset=utf-8"),
                        PAGE.getBytes(StandardCharsets.UTF_8));
            case NONE -> loginServer.handle(request);
        };
    }
}

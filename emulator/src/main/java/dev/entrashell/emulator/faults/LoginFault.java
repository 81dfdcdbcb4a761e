package dev.entrashell.emulator.faults;

/**
 * A failure of the login server's token endpoint, to test how a client reports a service that is down
 * rather than one that refuses: Entra ID (or a proxy in front of it) answering 5xx, or an HTML page
 * where JSON was expected. Off by default; set with {@code Emulator.setLoginFault}. While set, every
 * token request gets it (MSAL retries a 5xx once, and {@code Emulator.requests()} shows both tries);
 * discovery documents and keys are served as usual.
 *
 * @param kind what the token endpoint answers
 * @param status the HTTP status of that answer
 */
public record LoginFault(Kind kind, int status) {

    /** What the token endpoint answers while the fault is set. */
    public enum Kind {
        NONE,
        /** Entra's JSON error shape is missing: a bare 5xx with an empty body, as a failing front end sends. */
        SERVER_ERROR,
        /** An HTML page (a proxy's error page, a captive portal) with text/html. */
        HTML_PAGE
    }

    public LoginFault {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (kind == Kind.SERVER_ERROR && (status < 500 || status > 599)) {
            throw new IllegalArgumentException("a server error is 500 to 599: " + status);
        }
        if (kind == Kind.HTML_PAGE && (status < 200 || status > 599)) {
            throw new IllegalArgumentException("status must be 200 to 599: " + status);
        }
    }

    public static LoginFault none() {
        return new LoginFault(Kind.NONE, 0);
    }

    /** Every token request answered with this 5xx status and no body. */
    public static LoginFault serverError(int status) {
        return new LoginFault(Kind.SERVER_ERROR, status);
    }

    /** Every token request answered with an HTML page and this status (200 for a captive portal). */
    public static LoginFault htmlPage(int status) {
        return new LoginFault(Kind.HTML_PAGE, status);
    }

    public boolean isOff() {
        return kind == Kind.NONE;
    }
}

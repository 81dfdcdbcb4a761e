package dev.entrashell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;
import dev.entrashell.graph.GraphRequest;
import dev.entrashell.graph.QueryOptions;

/** A Graph request from the options of get, post, put, patch or delete, each value checked before any call. */
final class GraphRequests {
    /** RFC 9110's token: what a header field name may hold. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private GraphRequests() {}

    static GraphRequest from(String method, GraphRequestOptions options) {
        String api = options.api.version();
        if (options.top != null && (options.top < 1 || options.top > 999)) {
            throw ShellException.usage(
                    "--top " + options.top + " is out of range: Graph takes 1 to 999 items per page.");
        }
        List<GraphRequest.Header> headers = new ArrayList<>();
        for (String header : options.headers) {
            headers.add(header(header));
        }
        emptyQueryOption("--select", options.select, "property names such as id,displayName");
        emptyQueryOption("--filter", options.filter, "an expression such as \"startswith(displayName,'A')\"");
        emptyQueryOption("--search", options.search, "an expression such as \"displayName:adele\"");
        emptyQueryOption("--orderby", options.orderby, "a property such as displayName");
        emptyQueryOption("--expand", options.expand, "a relationship such as members");
        String body = options.body == null ? null : RequestBodies.read(options.body);
        if (body != null && method.equals("GET")) {
            throw ShellException.usage("get takes no --body; use post, put or patch.");
        }
        QueryOptions query = new QueryOptions(
                options.top,
                options.select,
                options.filter,
                options.search,
                options.orderby,
                options.expand,
                options.count);
        return new GraphRequest(method, options.target, api, headers, body, query);
    }

    /** {@code Name: value}, one line: a CR or LF would end the header early and start another one. */
    private static GraphRequest.Header header(String header) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
            throw ShellException.usage("--header '" + Printable.of(header) + "' is not 'Name: value'; give it as "
                    + "--header 'ConsistencyLevel: eventual'.");
        }
        String name = header.substring(0, colon).strip();
        String value = header.substring(colon + 1).strip();
        if (!HEADER_NAME.matcher(name).matches()) {
            throw ShellException.usage("--header '" + Printable.of(header) + "': '" + Printable.of(name) + "' is not "
                    + "a header name (letters, digits and -, no spaces); give it as --header 'Name: value'.");
        }
        if (value.chars().anyMatch(c -> c < ' ' && c != '\t' || c == 0x7F)) {
            throw ShellException.usage("--header '" + Printable.of(header) + "' holds a line break or another "
                    + "control character: a header value is one line; remove it.");
        }
        if (name.equalsIgnoreCase("Authorization")) {
            throw ShellException.usage(
                    "--header Authorization is not allowed: the shell sends the connection's token itself.");
        }
        return new GraphRequest.Header(name, value);
    }

    private static void emptyQueryOption(String option, String value, String example) {
        if (value != null && value.isBlank()) {
            throw ShellException.usage(option + " is empty: give " + example + ", or leave the option out.");
        }
    }
}

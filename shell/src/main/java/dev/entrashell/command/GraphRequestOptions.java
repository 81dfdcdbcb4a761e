package dev.entrashell.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.entrashell.output.OutputFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every Graph request command shares (get, post, put, patch, delete). */
final class GraphRequestOptions {
    /** The guarantees every Graph request command states at the end of its help. */
    static final String DEADLINE =
            "Each call (each page with --all) ends within the connection's deadline, retries and waits included: connect --timeout SECONDS, default "
                    + ConnectCommand.DEFAULT_TIMEOUT_SECONDS
                    + ".";

    static final String ONE_ORIGIN =
            "The token and the request go to the connection's Graph endpoint (scheme, host and port) only: an absolute URL, a next-page link or a redirect elsewhere is refused.";

    @Parameters(
            index = "0",
            paramLabel = "PATH_OR_URL",
            description =
                    "A path relative to the Graph endpoint (a query may follow '?'), or a full URL on that endpoint.")
    String target;

    @Option(
            names = {"--body", "-b"},
            paramLabel = "JSON",
            description = "The request body: JSON, @FILE, or - for standard input.")
    String body;

    @Option(
            names = {"--header", "-H"},
            paramLabel = "'Name: value'",
            description = "An extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Mixin
    ApiVersionOption api;

    @Option(names = "--all", description = "Follow @odata.nextLink to the last page, writing items as they arrive.")
    boolean all;

    @Option(names = "--top", paramLabel = "N", description = "$top: items per page.")
    Integer top;

    @Option(
            names = "--select",
            paramLabel = "a,b",
            description = "$select: the properties to return (and the columns of table, csv, tsv).")
    String select;

    @Option(names = "--filter", paramLabel = "EXPR", description = "$filter, such as \"startswith(displayName,'A')\".")
    String filter;

    @Option(
            names = "--search",
            paramLabel = "EXPR",
            description = "$search, such as \"displayName:adele\" (adds ConsistencyLevel: eventual).")
    String search;

    @Option(names = "--orderby", paramLabel = "EXPR", description = "$orderby, such as displayName desc.")
    String orderby;

    @Option(names = "--expand", paramLabel = "EXPR", description = "$expand, such as members.")
    String expand;

    @Option(names = "--count", description = "$count=true (adds ConsistencyLevel: eventual on every page).")
    boolean count;

    @Option(
            names = {"--output", "-o"},
            paramLabel = "FORMAT",
            description =
                    "table, list, json, csv, tsv, raw or none. Default: table for collections and list for one object on a terminal, json otherwise.")
    OutputFormat format;

    @Option(
            names = "--query",
            paramLabel = "JMESPATH",
            description = "A JMESPath expression applied before formatting, such as \"[].displayName\".")
    String query;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the output to this file instead of the screen: owner-only when new, and only once"
                    + " complete (a failed run leaves no file).")
    Path out;

    @Option(
            names = "--force",
            description = "With --out: replace the file if it exists. With delete: do not ask first.")
    boolean force;
}

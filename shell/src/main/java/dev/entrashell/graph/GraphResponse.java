package dev.entrashell.graph;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

/** A successful Graph answer: status, request id and body. */
public record GraphResponse(int status, String requestId, String body) {

    /** The body as JSON; JSON null for an empty body (204). */
    public JsonElement json() {
        if (body == null || body.isBlank()) {
            return JsonNull.INSTANCE;
        }
        try {
            return JsonParser.parseString(body);
        } catch (JsonSyntaxException e) {
            throw new dev.entrashell.ShellException(
                    "Graph answered with something that is not JSON (" + e.getMessage() + "); see it with --debug.");
        }
    }
}

package dev.entrashell.graph;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import dev.entrashell.errors.ShellException;

/** A successful Graph answer: status, request id, content type and body as received. */
public record GraphResponse(int status, String requestId, String contentType, String body) {

    /** The body as JSON; JSON null for an empty body (204). */
    public JsonElement json() {
        if (body == null || body.isBlank()) {
            return JsonNull.INSTANCE;
        }
        try {
            return JsonParser.parseString(body);
        } catch (JsonSyntaxException e) {
            throw new ShellException("Graph answered with something that is not JSON (" + contentType
                    + "); use --output raw to see it as received.");
        }
    }

    public boolean isJson() {
        return contentType == null || contentType.contains("json");
    }
}

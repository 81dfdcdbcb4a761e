package dev.entrashell.emulator.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The one JSON writer: keeps explicit nulls (Graph sends them) and does not HTML-escape '=' or '&' in links. */
public final class Json {
    private static final Gson GSON =
            new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {}

    public static String write(JsonElement element) {
        return GSON.toJson(element);
    }

    /** Parses a JSON object, or returns null when the text is not one. */
    public static JsonObject parseObjectOrNull(String text) {
        try {
            JsonElement element = JsonParser.parseString(text);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }
}

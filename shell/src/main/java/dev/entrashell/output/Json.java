package dev.entrashell.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** JSON as the shell writes it: pretty for people, one line inside table and list cells. */
public final class Json {
    private static final Gson PRETTY = new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .create();
    private static final Gson COMPACT =
            new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {}

    public static String pretty(JsonElement json) {
        return PRETTY.toJson(json);
    }

    public static String compact(JsonElement json) {
        return COMPACT.toJson(json);
    }

    /** A cell's text: strings without quotes, null as empty, anything nested as compact JSON. */
    public static String cell(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        if (value.isJsonArray() && value.getAsJsonArray().isEmpty()) {
            return "";
        }
        if (value.isJsonArray() && value.getAsJsonArray().asList().stream().allMatch(JsonElement::isJsonPrimitive)) {
            StringBuilder joined = new StringBuilder();
            value.getAsJsonArray().forEach(v -> joined.append(joined.length() == 0 ? "" : ", ")
                    .append(v.getAsString()));
            return joined.toString();
        }
        return compact(value);
    }
}

package dev.entrashell.output;

import java.io.PrintWriter;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** {@code Name : value} lines with aligned names, as PowerShell's Format-List shows an object. */
public final class ListPrinter {
    private ListPrinter() {}

    public static void print(PrintWriter out, Map<String, String> fields) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((name, value) -> out.println(pad(name, width) + " : " + (value == null ? "" : value)));
    }

    public static void print(PrintWriter out, JsonObject object) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> field : object.entrySet()) {
            if (!field.getKey().startsWith("@odata.")) {
                fields.put(field.getKey(), Json.cell(field.getValue()));
            }
        }
        print(out, fields);
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}

package dev.entrashell.emulator.graph;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import dev.entrashell.emulator.graph.error.GraphException;

/**
 * Request bodies of writes, read and checked the way Graph's OData layer does: valid JSON, known
 * properties of the type, values of the right JSON type; then the resource's own rules.
 */
final class Bodies {
    /** The JSON type a writable property takes. */
    enum Type {
        STRING("Edm.String"),
        BOOLEAN("Edm.Boolean"),
        STRINGS("Collection(Edm.String)"),
        OBJECT("Complex"),
        OBJECTS("Collection(Complex)"),
        DATE_TIME("Edm.DateTimeOffset"),
        BINDINGS("Collection(Edm.String)");

        private final String edmName;

        Type(String edmName) {
            this.edmName = edmName;
        }
    }

    /** One property a write may set, or a read-only one it may not. */
    record Field(String name, Type type, boolean readOnly) {
        static Field of(String name, Type type) {
            return new Field(name, type, false);
        }

        static Field readOnly(String name, Type type) {
            return new Field(name, type, true);
        }
    }

    private Bodies() {}

    /**
     * The body as a JSON object. Graph reads a body only when {@code Content-Type} says it is JSON:
     * without the header, or with another type, even valid JSON is refused.
     */
    static JsonObject object(GraphRequest request) throws GraphException {
        String text = new String(request.body(), StandardCharsets.UTF_8).strip();
        boolean json = request.header("Content-Type")
                .map(type -> type.strip().toLowerCase(Locale.ROOT).startsWith("application/json"))
                .orElse(false);
        if (!json) {
            throw unreadablePayload();
        }
        try {
            JsonElement element = text.isEmpty() ? null : JsonParser.parseString(text);
            if (element != null && element.isJsonObject()) {
                return element.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // answered below
        }
        throw unreadablePayload();
    }

    static GraphException unreadablePayload() {
        return GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is"
                + " set and payload is of valid JSON format.");
    }

    /**
     * The body's properties by their canonical names, checked against the fields the type has.
     *
     * @param typeName e.g. "microsoft.graph.user"
     * @param resource e.g. "User", for directory messages
     */
    static Map<String, JsonElement> fields(JsonObject body, List<Field> fields, String typeName, String resource)
            throws GraphException {
        Map<String, Field> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name().toLowerCase(Locale.ROOT), field));
        Map<String, JsonElement> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("@odata.") && !name.contains("@odata.bind")) {
                continue;
            }
            Field field = byName.get(name.toLowerCase(Locale.ROOT));
            if (field == null) {
                throw GraphException.badRequest("The property '" + name + "' does not exist on type '" + typeName
                        + "'. Make sure to only use property names that are defined by the type or mark the type as"
                        + " open type.");
            }
            if (field.readOnly()) {
                throw GraphException.directoryBadRequest(
                        "Property '" + field.name() + "' is read-only and cannot be set.");
            }
            JsonElement value = entry.getValue();
            checkType(field, value);
            values.put(field.name(), value);
        }
        return values;
    }

    private static void checkType(Field field, JsonElement value) throws GraphException {
        if (value.isJsonNull()) {
            return;
        }
        boolean ok =
                switch (field.type()) {
                    case STRING, DATE_TIME ->
                        value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
                    case BOOLEAN ->
                        value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
                    case STRINGS, BINDINGS ->
                        value.isJsonArray()
                                && value.getAsJsonArray().asList().stream()
                                        .allMatch(e -> e.isJsonPrimitive()
                                                && e.getAsJsonPrimitive().isString());
                    case OBJECT -> value.isJsonObject();
                    case OBJECTS ->
                        value.isJsonArray()
                                && value.getAsJsonArray().asList().stream().allMatch(JsonElement::isJsonObject);
                };
        if (ok) {
            return;
        }
        if (value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            throw GraphException.badRequest("Cannot convert the literal '" + primitive.getAsString()
                    + "' to the expected type '" + field.type().edmName + "'.");
        }
        String found = value.isJsonArray() ? "StartArray" : "StartObject";
        String expected = field.type() == Type.OBJECT
                ? "StartObject"
                : field.type() == Type.STRINGS || field.type() == Type.BINDINGS || field.type() == Type.OBJECTS
                        ? "StartArray"
                        : "PrimitiveValue";
        throw GraphException.badRequest("An unexpected '" + found + "' node was found when reading from the JSON"
                + " reader. A '" + expected + "' node was expected.");
    }

    static String string(Map<String, JsonElement> values, String name, String current) {
        if (!values.containsKey(name)) {
            return current;
        }
        JsonElement value = values.get(name);
        return value.isJsonNull() ? null : value.getAsString();
    }

    static Boolean bool(Map<String, JsonElement> values, String name, Boolean current) {
        if (!values.containsKey(name)) {
            return current;
        }
        JsonElement value = values.get(name);
        return value.isJsonNull() ? null : value.getAsBoolean();
    }

    static List<String> strings(Map<String, JsonElement> values, String name, List<String> current) {
        if (!values.containsKey(name)) {
            return current;
        }
        JsonElement value = values.get(name);
        List<String> list = new ArrayList<>();
        if (!value.isJsonNull()) {
            value.getAsJsonArray().forEach(item -> list.add(item.getAsString()));
        }
        return list;
    }

    static Instant dateTime(JsonElement value, String property, String resource) throws GraphException {
        try {
            return OffsetDateTime.parse(value.getAsString()).toInstant();
        } catch (DateTimeParseException | UnsupportedOperationException | IllegalStateException e) {
            throw invalidValue(property, resource);
        }
    }

    static GraphException invalidValue(String property, String resource) {
        return GraphException.directoryBadRequest(
                "Invalid value specified for property '" + property + "' of resource '" + resource + "'.");
    }

    /** A required property that is missing or blank. */
    static void require(Map<String, JsonElement> values, String resource, String... names) throws GraphException {
        for (String name : names) {
            JsonElement value = values.get(name);
            if (value == null
                    || value.isJsonNull()
                    || (value.isJsonPrimitive() && value.getAsString().isBlank())) {
                throw invalidValue(name, resource);
            }
        }
    }

    /** Graph's mail nickname rule: printable ASCII without spaces or {@code @()\[]";:<>,}. */
    static boolean validMailNickname(String nickname) {
        if (nickname == null || nickname.isEmpty() || nickname.length() > 64) {
            return false;
        }
        for (char c : nickname.toCharArray()) {
            if (c <= ' ' || c > '~' || "@()\\[]\";:<>,".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Where Graph says a created object is: a directoryObjects URL with the directory type. */
    static String location(GraphRequest request, String id, String directoryType) {
        String root = request.serviceRoot();
        String host = root.substring(0, root.lastIndexOf('/'));
        return host + "/v2/" + request.caller().tenantId() + "/directoryObjects/" + id + "/Microsoft.DirectoryServices."
                + directoryType;
    }
}

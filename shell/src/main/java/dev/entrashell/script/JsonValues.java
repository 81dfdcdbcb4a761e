package dev.entrashell.script;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import dev.entrashell.output.Json;

/**
 * JSON as scripts see it: Graph's answers become Maps (in the order Graph sent the properties), Lists,
 * Strings, Longs or BigDecimals, Booleans and nulls; request bodies and printed values go the other way.
 */
public final class JsonValues {
    private JsonValues() {}

    public static Object toJava(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return null;
        }
        if (json.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            json.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (json.isJsonArray()) {
            List<Object> list = new ArrayList<>(json.getAsJsonArray().size());
            json.getAsJsonArray().forEach(item -> list.add(toJava(item)));
            return list;
        }
        JsonPrimitive primitive = json.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            BigDecimal number = primitive.getAsBigDecimal();
            if (number.scale() <= 0) {
                BigInteger integer = number.toBigIntegerExact();
                return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
            }
            return number;
        }
        return primitive.getAsString();
    }

    /** Maps, collections, arrays, numbers, booleans and text; anything else as its text. */
    public static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement json) {
            return json;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Collection<?> collection) {
            JsonArray array = new JsonArray();
            collection.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Object[] items) {
            JsonArray array = new JsonArray();
            for (Object item : items) {
                array.add(toJson(item));
            }
            return array;
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof TemporalAccessor || value instanceof CharSequence) {
            return new JsonPrimitive(value.toString());
        }
        return new JsonPrimitive(String.valueOf(value));
    }

    /** A value as Groovy mode prints it: text as it is, maps and lists as indented JSON. */
    public static String display(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]) {
            return Json.pretty(toJson(value));
        }
        return String.valueOf(value);
    }
}

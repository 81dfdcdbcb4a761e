package dev.entrashell.emulator.graph;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import dev.entrashell.emulator.directory.User;

/** A user as Graph writes it: the default properties in Graph's order, or those {@code $select} names. */
public final class UserJson {
    /** One property of the user resource and how to read it. */
    public record Property(String name, Function<User, JsonElement> value) {}

    private static final Map<String, Property> PROPERTIES = new LinkedHashMap<>();

    static {
        property("businessPhones", user -> strings(user.businessPhones()));
        property("displayName", user -> string(user.displayName()));
        property("givenName", user -> string(user.givenName()));
        property("jobTitle", user -> string(user.jobTitle()));
        property("mail", user -> string(user.mail()));
        property("mobilePhone", user -> string(user.mobilePhone()));
        property("officeLocation", user -> string(user.officeLocation()));
        property("preferredLanguage", user -> string(user.preferredLanguage()));
        property("surname", user -> string(user.surname()));
        property("userPrincipalName", user -> string(user.userPrincipalName()));
        property("id", user -> string(user.id()));
        property("accountEnabled", user -> new JsonPrimitive(user.accountEnabled()));
        property("department", user -> string(user.department()));
        property("userType", user -> string(user.userType()));
        property("createdDateTime", user -> string(DateTimeFormatter.ISO_INSTANT.format(user.createdDateTime())));
    }

    /** What Graph returns for a user when the request has no {@code $select}. */
    public static final List<String> DEFAULT_PROPERTIES = List.of(
            "businessPhones",
            "displayName",
            "givenName",
            "jobTitle",
            "mail",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "surname",
            "userPrincipalName",
            "id");

    private UserJson() {}

    /** The properties to write: the {@code $select} list (names ignore case), or the defaults. */
    public static List<Property> selection(Optional<String> select) throws GraphException {
        List<Property> properties = new ArrayList<>();
        if (select.isEmpty() || select.get().isBlank()) {
            DEFAULT_PROPERTIES.forEach(name -> properties.add(PROPERTIES.get(name.toLowerCase(Locale.ROOT))));
            return properties;
        }
        for (String name : select.get().split(",")) {
            Property property = PROPERTIES.get(name.strip().toLowerCase(Locale.ROOT));
            if (property == null) {
                throw GraphException.directoryBadRequest("Could not find a property named '" + name.strip()
                        + "' on type 'Microsoft.DirectoryServices.User'.");
            }
            if (!properties.contains(property)) {
                properties.add(property);
            }
        }
        return properties;
    }

    /** The {@code (a,b)} part of {@code @odata.context} for a {@code $select}, or "". */
    public static String contextSelection(Optional<String> select, List<Property> properties) {
        if (select.isEmpty() || select.get().isBlank()) {
            return "";
        }
        return "(" + String.join(",", properties.stream().map(Property::name).toList()) + ")";
    }

    public static JsonObject write(User user, List<Property> properties) {
        JsonObject json = new JsonObject();
        for (Property property : properties) {
            json.add(property.name(), property.value().apply(user));
        }
        return json;
    }

    private static void property(String name, Function<User, JsonElement> value) {
        PROPERTIES.put(name.toLowerCase(Locale.ROOT), new Property(name, value));
    }

    private static JsonElement string(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}

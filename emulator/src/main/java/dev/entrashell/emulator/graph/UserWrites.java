package dev.entrashell.emulator.graph;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.query.EntityTypes;
import dev.entrashell.emulator.graph.query.Selection;

import static dev.entrashell.emulator.graph.Bodies.Field;
import static dev.entrashell.emulator.graph.Bodies.Type;

/** {@code POST /users}, {@code PATCH /users/{id}}, {@code DELETE /users/{id}}, with Graph's checks. */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
final class UserWrites {
    private static final String RESOURCE = "User";
    private static final List<Field> FIELDS = List.of(
            Field.of("accountEnabled", Type.BOOLEAN),
            Field.of("businessPhones", Type.STRINGS),
            Field.of("department", Type.STRING),
            Field.of("displayName", Type.STRING),
            Field.of("givenName", Type.STRING),
            Field.of("jobTitle", Type.STRING),
            Field.of("mail", Type.STRING),
            Field.of("mailNickname", Type.STRING),
            Field.of("mobilePhone", Type.STRING),
            Field.of("officeLocation", Type.STRING),
            Field.of("passwordProfile", Type.OBJECT),
            Field.of("passwordPolicies", Type.STRING),
            Field.of("preferredLanguage", Type.STRING),
            Field.of("surname", Type.STRING),
            Field.of("usageLocation", Type.STRING),
            Field.of("userPrincipalName", Type.STRING),
            Field.of("userType", Type.STRING),
            Field.readOnly("id", Type.STRING),
            Field.readOnly("createdDateTime", Type.DATE_TIME),
            Field.readOnly("signInActivity", Type.OBJECT));
    private static final Set<String> USER_TYPES = Set.of("Member", "Guest");

    private final Directory directory;

    UserWrites(Directory directory) {
        this.directory = directory;
    }

    GraphResponse create(GraphRequest request) throws GraphException {
        Map<String, JsonElement> values = fields(request);
        Bodies.require(values, RESOURCE, "displayName", "mailNickname", "userPrincipalName", "passwordProfile");
        if (!values.containsKey("accountEnabled")
                || values.get("accountEnabled").isJsonNull()) {
            throw Bodies.invalidValue("accountEnabled", RESOURCE);
        }
        checkPasswordProfile(values.get("passwordProfile"));
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            String upn =
                    checkUserPrincipalName(request, objects, Bodies.string(values, "userPrincipalName", null), null);
            User user = apply(
                    new User(
                            Guids.random(),
                            null,
                            null,
                            null,
                            upn,
                            null,
                            null,
                            null,
                            null,
                            List.of(),
                            null,
                            null,
                            true,
                            "Member",
                            request.receivedAt().truncatedTo(ChronoUnit.SECONDS),
                            null,
                            null,
                            null,
                            null),
                    values);
            objects.addUser(user);
            Selection selection = Selection.defaults();
            return GraphResponse.created(
                    out -> {
                        out.beginObject();
                        out.name("@odata.context").value(request.serviceRoot() + "/$metadata#users/$entity");
                        EntityTypes.USER.writeProperties(out, user, selection.propertiesFor(EntityTypes.USER));
                        out.endObject();
                    },
                    Bodies.location(request, user.id(), RESOURCE));
        }
    }

    GraphResponse update(GraphRequest request) throws GraphException {
        Map<String, JsonElement> values = fields(request);
        for (String required : List.of("displayName", "mailNickname", "userPrincipalName", "accountEnabled")) {
            if (values.containsKey(required) && values.get(required).isJsonNull()) {
                throw Bodies.invalidValue(required, RESOURCE);
            }
        }
        if (values.containsKey("passwordProfile")) {
            checkPasswordProfile(values.get("passwordProfile"));
        }
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            User user = ReadHandlers.user(request, objects);
            String upn = user.userPrincipalName();
            if (values.containsKey("userPrincipalName")) {
                upn = checkUserPrincipalName(
                        request, objects, Bodies.string(values, "userPrincipalName", null), user.id());
            }
            User updated = apply(withUserPrincipalName(user, upn), values);
            objects.replaceUser(updated);
            return GraphResponse.noContent();
        }
    }

    GraphResponse delete(GraphRequest request) throws GraphException {
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            objects.removeUser(ReadHandlers.user(request, objects).id());
            return GraphResponse.noContent();
        }
    }

    private static Map<String, JsonElement> fields(GraphRequest request) throws GraphException {
        JsonObject body = Bodies.object(request);
        Map<String, JsonElement> values = Bodies.fields(body, FIELDS, EntityTypes.USER.qualifiedName(), RESOURCE);
        for (String name : List.of("displayName", "mailNickname", "userPrincipalName")) {
            JsonElement value = values.get(name);
            if (value != null && !value.isJsonNull() && value.getAsString().isBlank()) {
                throw Bodies.invalidValue(name, RESOURCE);
            }
        }
        String displayName = Bodies.string(values, "displayName", null);
        if (displayName != null && displayName.length() > 256) {
            throw Bodies.invalidValue("displayName", RESOURCE);
        }
        if (values.containsKey("mailNickname")
                && !Bodies.validMailNickname(Bodies.string(values, "mailNickname", null))) {
            throw Bodies.invalidValue("mailNickname", RESOURCE);
        }
        String userType = Bodies.string(values, "userType", null);
        if (userType != null && !USER_TYPES.contains(userType)) {
            throw Bodies.invalidValue("userType", RESOURCE);
        }
        String usageLocation = Bodies.string(values, "usageLocation", null);
        if (usageLocation != null && !usageLocation.matches("[A-Za-z]{2}")) {
            throw Bodies.invalidValue("usageLocation", RESOURCE);
        }
        return values;
    }

    private static void checkPasswordProfile(JsonElement profile) throws GraphException {
        if (profile == null || !profile.isJsonObject()) {
            throw Bodies.invalidValue("passwordProfile", RESOURCE);
        }
        JsonObject object = profile.getAsJsonObject();
        for (String name : object.keySet()) {
            if (!Set.of("password", "forcechangepasswordnextsignin", "forcechangepasswordnextsigninwithmfa")
                    .contains(name.toLowerCase(Locale.ROOT))) {
                throw GraphException.badRequest("The property '" + name + "' does not exist on type"
                        + " 'microsoft.graph.passwordProfile'. Make sure to only use property names that are defined"
                        + " by the type or mark the type as open type.");
            }
        }
        JsonElement password = object.get("password");
        if (password == null
                || !password.isJsonPrimitive()
                || password.getAsString().isEmpty()) {
            throw Bodies.invalidValue("passwordProfile", RESOURCE);
        }
        if (!complex(password.getAsString())) {
            throw GraphException.directoryBadRequest("The specified password does not comply with password complexity"
                    + " requirements. Please provide a different password.");
        }
    }

    /** Entra's rule: 8 to 256 characters, three of lower case, upper case, digits and symbols. */
    private static boolean complex(String password) {
        if (password.length() < 8 || password.length() > 256) {
            return false;
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return kinds >= 3;
    }

    /** A user principal name in one of the tenant's verified domains that no other user has. */
    private String checkUserPrincipalName(GraphRequest request, TenantObjects objects, String upn, String selfId)
            throws GraphException {
        int at = upn.lastIndexOf('@');
        if (at <= 0 || at == upn.length() - 1 || upn.contains(" ") || upn.indexOf('@') != at) {
            throw Bodies.invalidValue("userPrincipalName", RESOURCE);
        }
        String domain = upn.substring(at + 1).toLowerCase(Locale.ROOT);
        Tenant tenant = directory.tenant(request.caller().tenantId()).orElseThrow();
        if (!tenant.verifiedDomains().contains(domain)) {
            throw GraphException.directoryBadRequest("The domain portion of the userPrincipalName property is invalid."
                    + " You must use one of the verified domain names in your organization.");
        }
        Optional<User> existing = objects.user(upn);
        if (existing.isPresent() && (selfId == null || !existing.get().id().equalsIgnoreCase(selfId))) {
            throw GraphException.directoryBadRequest(
                    "Another object with the same value for property userPrincipalName already exists.");
        }
        return upn;
    }

    private static User withUserPrincipalName(User user, String upn) {
        return new User(
                user.id(),
                user.displayName(),
                user.givenName(),
                user.surname(),
                upn,
                user.mail(),
                user.jobTitle(),
                user.department(),
                user.officeLocation(),
                user.businessPhones(),
                user.mobilePhone(),
                user.preferredLanguage(),
                user.accountEnabled(),
                user.userType(),
                user.createdDateTime(),
                user.mailNickname(),
                user.usageLocation(),
                user.lastSignInDateTime(),
                user.lastNonInteractiveSignInDateTime());
    }

    private static User apply(User user, Map<String, JsonElement> values) {
        return new User(
                user.id(),
                Bodies.string(values, "displayName", user.displayName()),
                Bodies.string(values, "givenName", user.givenName()),
                Bodies.string(values, "surname", user.surname()),
                user.userPrincipalName(),
                Bodies.string(values, "mail", user.mail()),
                Bodies.string(values, "jobTitle", user.jobTitle()),
                Bodies.string(values, "department", user.department()),
                Bodies.string(values, "officeLocation", user.officeLocation()),
                Bodies.strings(values, "businessPhones", user.businessPhones()),
                Bodies.string(values, "mobilePhone", user.mobilePhone()),
                Bodies.string(values, "preferredLanguage", user.preferredLanguage()),
                Bodies.bool(values, "accountEnabled", user.accountEnabled()),
                Bodies.string(values, "userType", user.userType()),
                user.createdDateTime(),
                Bodies.string(values, "mailNickname", user.mailNickname()),
                Bodies.string(values, "usageLocation", user.usageLocation()),
                user.lastSignInDateTime(),
                user.lastNonInteractiveSignInDateTime());
    }
}

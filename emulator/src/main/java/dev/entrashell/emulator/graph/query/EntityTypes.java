package dev.entrashell.emulator.graph.query;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.stream.JsonWriter;

import dev.entrashell.emulator.directory.AppRole;
import dev.entrashell.emulator.directory.AppRoleAssignment;
import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.Device;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.KeyCredential;
import dev.entrashell.emulator.directory.PasswordCredential;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.graph.permission.GraphPermissions;
import dev.entrashell.emulator.graph.query.Property.Sort;

import static dev.entrashell.emulator.graph.query.Property.bool;
import static dev.entrashell.emulator.graph.query.Property.complex;
import static dev.entrashell.emulator.graph.query.Property.dateTime;
import static dev.entrashell.emulator.graph.query.Property.guid;
import static dev.entrashell.emulator.graph.query.Property.objects;
import static dev.entrashell.emulator.graph.query.Property.string;
import static dev.entrashell.emulator.graph.query.Property.strings;

/**
 * The entity types Graph serves here, with each property's support for query options as Graph's
 * documentation tabulates it ("Advanced query capabilities on directory objects"): what works by
 * default, what needs {@code ConsistencyLevel: eventual} and {@code $count=true}, what never works.
 */
public final class EntityTypes {
    /** Role Graph requires, besides the operation's, to read users' sign-in activity. */
    public static final String SIGN_IN_ACTIVITY_ROLE = GraphPermissions.PROPERTY_ROLES.get("user.signInActivity");

    public static final EntityType<User> USER = new EntityType<>(
                    User.class, "users", "user", "User", User::id, userProperties())
            .navigation(new EntityType.Navigation("manager", false, (objects, id) -> objects.manager(id).stream()
                    .toList()))
            .navigation(new EntityType.Navigation("memberOf", true, (objects, id) -> objects.memberOf(id)))
            .navigation(new EntityType.Navigation("directReports", true, (objects, id) -> objects.directReports(id)));

    public static final EntityType<Group> GROUP = new EntityType<>(
                    Group.class, "groups", "group", "Group", Group::id, groupProperties())
            .navigation(new EntityType.Navigation("members", true, (objects, id) -> objects.members(id)))
            .navigation(new EntityType.Navigation("owners", true, (objects, id) -> objects.owners(id)))
            .navigation(new EntityType.Navigation("memberOf", true, (objects, id) -> objects.memberOf(id)));

    public static final EntityType<Device> DEVICE = new EntityType<>(
                    Device.class, "devices", "device", "Device", Device::id, deviceProperties())
            .navigation(new EntityType.Navigation("memberOf", true, (objects, id) -> objects.memberOf(id)));

    public static final EntityType<Application> APPLICATION = new EntityType<>(
            Application.class, "applications", "application", "Application", Application::id, applicationProperties());

    public static final EntityType<ServicePrincipal> SERVICE_PRINCIPAL = new EntityType<>(
                    ServicePrincipal.class,
                    "servicePrincipals",
                    "servicePrincipal",
                    "ServicePrincipal",
                    ServicePrincipal::id,
                    servicePrincipalProperties())
            .navigation(new EntityType.Navigation("memberOf", true, (objects, id) -> objects.memberOf(id)))
            .navigation(new EntityType.Navigation(
                    "appRoleAssignments", true, (objects, id) -> objects.appRoleAssignments(id)));

    public static final EntityType<AppRoleAssignment> APP_ROLE_ASSIGNMENT = new EntityType<>(
            AppRoleAssignment.class,
            "appRoleAssignments",
            "appRoleAssignment",
            "AppRoleAssignment",
            AppRoleAssignment::id,
            appRoleAssignmentProperties());

    /** Every type an object in a {@code directoryObject} collection can have. */
    public static final List<EntityType<?>> DIRECTORY_OBJECT_TYPES =
            List.of(USER, GROUP, DEVICE, SERVICE_PRINCIPAL, APPLICATION);

    private EntityTypes() {}

    /** The type of an object in a mixed collection. */
    public static EntityType<?> of(Object object) {
        for (EntityType<?> type : DIRECTORY_OBJECT_TYPES) {
            if (type.isInstance(object)) {
                return type;
            }
        }
        if (APP_ROLE_ASSIGNMENT.isInstance(object)) {
            return APP_ROLE_ASSIGNMENT;
        }
        throw new IllegalArgumentException("no entity type for " + object.getClass());
    }

    // ---- user ------------------------------------------------------------------------------------

    private static List<Property<User>> userProperties() {
        List<Property<User>> p = new ArrayList<>();
        p.add(strings("businessPhones", User::businessPhones)
                .byDefault()
                .filter("any", "not")
                .build());
        p.add(string("displayName", User::displayName)
                .byDefault()
                .filter("eq in startsWith", "ne not null")
                .sort(Sort.DEFAULT)
                .tokenizedSearch()
                .build());
        p.add(string("givenName", User::givenName)
                .byDefault()
                .filter("eq in startsWith ge le", "ne null")
                .build());
        p.add(string("jobTitle", User::jobTitle)
                .byDefault()
                .filter("eq in ge le", "ne null")
                .build());
        p.add(string("mail", User::mail)
                .byDefault()
                .filter("eq in startsWith ge le", "ne endsWith")
                .build());
        p.add(string("mobilePhone", User::mobilePhone)
                .byDefault()
                .filter("", "eq ne in startsWith ge le null")
                .build());
        p.add(string("officeLocation", User::officeLocation)
                .byDefault()
                .filter("", "eq ne in startsWith ge le null")
                .build());
        p.add(string("preferredLanguage", User::preferredLanguage)
                .byDefault()
                .filter("", "eq ne in startsWith ge le null")
                .build());
        p.add(string("surname", User::surname)
                .byDefault()
                .filter("eq in startsWith ge le", "ne null")
                .build());
        p.add(string("userPrincipalName", User::userPrincipalName)
                .byDefault()
                .filter("eq in startsWith le", "ne endsWith")
                .sort(Sort.DEFAULT)
                .build());
        p.add(guid("id", User::id).byDefault().filter("eq in", "ne not").build());
        p.add(bool("accountEnabled", User::accountEnabled)
                .filter("eq in", "ne not ge le")
                .build());
        p.add(dateTime("createdDateTime", User::createdDateTime)
                .filter("eq ge le", "ne not in")
                .sort(Sort.ADVANCED)
                .build());
        p.add(string("department", User::department)
                .filter("eq in startsWith ge le", "ne not null")
                .build());
        p.add(string("mailNickname", User::mailNickname)
                .filter("eq in startsWith ge le", "ne null")
                .build());
        p.add(string("usageLocation", User::usageLocation)
                .filter("eq in startsWith ge le", "ne")
                .build());
        p.add(string("userType", User::userType).filter("eq in", "ne not null").build());
        p.add(complex("signInActivity", EntityTypes::writeSignInActivity)
                .requiresRole(SIGN_IN_ACTIVITY_ROLE)
                .child(dateTime("lastSignInDateTime", User::lastSignInDateTime).filter("eq ge le null", "ne not"))
                .child(dateTime("lastNonInteractiveSignInDateTime", User::lastNonInteractiveSignInDateTime)
                        .filter("eq ge le null", "ne not"))
                .child(dateTime("lastSuccessfulSignInDateTime", EntityTypes::lastSuccessfulSignIn)
                        .filter("eq ge le null", "ne not"))
                .build());
        return p;
    }

    private static Instant lastSuccessfulSignIn(User user) {
        Instant interactive = user.lastSignInDateTime();
        Instant other = user.lastNonInteractiveSignInDateTime();
        if (interactive == null) {
            return other;
        }
        return other == null || interactive.isAfter(other) ? interactive : other;
    }

    private static void writeSignInActivity(JsonWriter out, User user) throws IOException {
        if (user.lastSignInDateTime() == null && user.lastNonInteractiveSignInDateTime() == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        signIn(out, "lastSignIn", user.id(), user.lastSignInDateTime());
        signIn(out, "lastNonInteractiveSignIn", user.id(), user.lastNonInteractiveSignInDateTime());
        signIn(out, "lastSuccessfulSignIn", user.id(), lastSuccessfulSignIn(user));
        out.endObject();
    }

    private static void signIn(JsonWriter out, String prefix, String userId, Instant time) throws IOException {
        out.name(prefix + "DateTime");
        if (time == null) {
            out.nullValue();
        } else {
            out.value(DateTimeFormatter.ISO_INSTANT.format(time));
        }
        out.name(prefix + "RequestId");
        if (time == null) {
            out.nullValue();
        } else {
            out.value(Guids.fromName(userId + "/" + prefix + "/" + time.getEpochSecond()));
        }
    }

    // ---- group -----------------------------------------------------------------------------------

    private static List<Property<Group>> groupProperties() {
        List<Property<Group>> p = new ArrayList<>();
        p.add(guid("id", Group::id).byDefault().filter("eq in", "ne not").build());
        p.add(dateTime("deletedDateTime", (Group group) -> null).byDefault().build());
        p.add(string("classification", (Group group) -> null).byDefault().build());
        p.add(dateTime("createdDateTime", Group::createdDateTime).byDefault().build());
        p.add(string("description", Group::description)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not null")
                .tokenizedSearch()
                .build());
        p.add(string("displayName", Group::displayName)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not null")
                .sort(Sort.DEFAULT)
                .tokenizedSearch()
                .build());
        p.add(strings("groupTypes", Group::groupTypes)
                .byDefault()
                .filter("any", "not")
                .build());
        p.add(string("mail", Group::mail)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not null endsWith")
                .build());
        p.add(bool("mailEnabled", Group::mailEnabled)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("mailNickname", Group::mailNickname)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not null")
                .build());
        p.add(bool("securityEnabled", Group::securityEnabled)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("visibility", Group::visibility)
                .byDefault()
                .filter("eq", "ne not")
                .build());
        return p;
    }

    // ---- device ----------------------------------------------------------------------------------

    private static List<Property<Device>> deviceProperties() {
        List<Property<Device>> p = new ArrayList<>();
        p.add(guid("id", Device::id).byDefault().filter("eq in", "ne not").build());
        p.add(dateTime("deletedDateTime", (Device device) -> null).byDefault().build());
        p.add(bool("accountEnabled", Device::accountEnabled)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(dateTime("approximateLastSignInDateTime", Device::approximateLastSignInDateTime)
                .byDefault()
                .filter("eq ge le null", "ne not")
                .sort(Sort.ADVANCED)
                .build());
        p.add(guid("deviceId", Device::deviceId)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("displayName", Device::displayName)
                .byDefault()
                .filter("eq in startsWith", "ne not null")
                .sort(Sort.ADVANCED)
                .tokenizedSearch()
                .build());
        p.add(bool("isCompliant", Device::isCompliant)
                .byDefault()
                .filter("eq", "ne not")
                .build());
        p.add(bool("isManaged", Device::isManaged)
                .byDefault()
                .filter("eq", "ne not")
                .build());
        p.add(string("manufacturer", Device::manufacturer)
                .byDefault()
                .filter("eq", "ne not startsWith")
                .build());
        p.add(string("model", Device::model)
                .byDefault()
                .filter("eq", "ne not startsWith")
                .build());
        p.add(string("operatingSystem", Device::operatingSystem)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not")
                .build());
        p.add(string("operatingSystemVersion", Device::operatingSystemVersion)
                .byDefault()
                .filter("eq in startsWith ge le", "ne not")
                .build());
        p.add(dateTime("registrationDateTime", Device::registrationDateTime)
                .byDefault()
                .filter("eq ge le", "ne not")
                .build());
        p.add(string("trustType", Device::trustType)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        return p;
    }

    // ---- application -----------------------------------------------------------------------------

    private static List<Property<Application>> applicationProperties() {
        List<Property<Application>> p = new ArrayList<>();
        p.add(guid("id", Application::id).byDefault().filter("eq in", "ne not").build());
        p.add(dateTime("deletedDateTime", (Application app) -> null).byDefault().build());
        p.add(guid("appId", Application::appId)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(dateTime("createdDateTime", Application::createdDateTime)
                .byDefault()
                .filter("eq ge le", "ne not in")
                .sort(Sort.ADVANCED)
                .build());
        p.add(string("description", Application::description)
                .byDefault()
                .filter("eq startsWith", "ne not null")
                .tokenizedSearch()
                .build());
        p.add(string("displayName", Application::displayName)
                .byDefault()
                .filter("eq in startsWith", "ne not null")
                .sort(Sort.ADVANCED)
                .tokenizedSearch()
                .build());
        p.add(strings("identifierUris", Application::identifierUris)
                .byDefault()
                .filter("any", "not")
                .build());
        p.add(string("notes", Application::notes).byDefault().build());
        p.add(string("publisherDomain", Application::publisherDomain)
                .byDefault()
                .filter("eq in startsWith", "ne not")
                .build());
        p.add(string("signInAudience", Application::signInAudience)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(strings("tags", Application::tags)
                .byDefault()
                .filter("any", "not")
                .build());
        p.add(objects(
                        "keyCredentials",
                        (JsonWriter out, Application app) -> writeKeyCredentials(out, app.keyCredentials()))
                .byDefault()
                .build());
        p.add(objects(
                        "passwordCredentials",
                        (JsonWriter out, Application app) -> writePasswordCredentials(out, app.passwordCredentials()))
                .byDefault()
                .build());
        return p;
    }

    // ---- service principal -----------------------------------------------------------------------

    private static List<Property<ServicePrincipal>> servicePrincipalProperties() {
        List<Property<ServicePrincipal>> p = new ArrayList<>();
        p.add(guid("id", ServicePrincipal::id)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(dateTime("deletedDateTime", (ServicePrincipal sp) -> null)
                .byDefault()
                .build());
        p.add(bool("accountEnabled", ServicePrincipal::accountEnabled)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("appDisplayName", ServicePrincipal::appDisplayName)
                .byDefault()
                .filter("eq in startsWith", "ne not")
                .build());
        p.add(guid("appId", ServicePrincipal::appId)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(guid("appOwnerOrganizationId", ServicePrincipal::appOwnerOrganizationId)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("displayName", ServicePrincipal::displayName)
                .byDefault()
                .filter("eq in startsWith", "ne not null")
                .sort(Sort.ADVANCED)
                .tokenizedSearch()
                .build());
        p.add(strings("servicePrincipalNames", ServicePrincipal::servicePrincipalNames)
                .byDefault()
                .filter("any", "not")
                .build());
        p.add(string("servicePrincipalType", ServicePrincipal::servicePrincipalType)
                .byDefault()
                .filter("eq in", "ne not")
                .build());
        p.add(string("signInAudience", ServicePrincipal::signInAudience)
                .byDefault()
                .build());
        p.add(strings("tags", ServicePrincipal::tags)
                .byDefault()
                .filter("any", "not")
                .build());
        p.add(objects("appRoles", (JsonWriter out, ServicePrincipal sp) -> writeAppRoles(out, sp.appRoles()))
                .byDefault()
                .build());
        p.add(objects(
                        "keyCredentials",
                        (JsonWriter out, ServicePrincipal sp) -> writeKeyCredentials(out, sp.keyCredentials()))
                .byDefault()
                .build());
        p.add(objects(
                        "passwordCredentials",
                        (JsonWriter out, ServicePrincipal sp) ->
                                writePasswordCredentials(out, sp.passwordCredentials()))
                .byDefault()
                .build());
        return p;
    }

    // ---- app role assignment ---------------------------------------------------------------------

    private static List<Property<AppRoleAssignment>> appRoleAssignmentProperties() {
        List<Property<AppRoleAssignment>> p = new ArrayList<>();
        p.add(string("id", AppRoleAssignment::id).byDefault().filter("eq", "").build());
        p.add(dateTime("deletedDateTime", (AppRoleAssignment assignment) -> null)
                .byDefault()
                .build());
        p.add(guid("appRoleId", AppRoleAssignment::appRoleId)
                .byDefault()
                .filter("eq", "")
                .build());
        p.add(dateTime("createdDateTime", AppRoleAssignment::createdDateTime)
                .byDefault()
                .build());
        p.add(string("principalDisplayName", AppRoleAssignment::principalDisplayName)
                .byDefault()
                .build());
        p.add(guid("principalId", AppRoleAssignment::principalId)
                .byDefault()
                .filter("eq", "")
                .build());
        p.add(string("principalType", AppRoleAssignment::principalType)
                .byDefault()
                .filter("eq", "")
                .build());
        p.add(string("resourceDisplayName", AppRoleAssignment::resourceDisplayName)
                .byDefault()
                .build());
        p.add(guid("resourceId", AppRoleAssignment::resourceId)
                .byDefault()
                .filter("eq", "")
                .build());
        return p;
    }

    // ---- complex values --------------------------------------------------------------------------

    private static void writeKeyCredentials(JsonWriter out, List<KeyCredential> credentials) throws IOException {
        out.beginArray();
        for (KeyCredential key : credentials) {
            out.beginObject();
            out.name("customKeyIdentifier").value(key.customKeyIdentifier());
            out.name("displayName").value(key.displayName());
            out.name("endDateTime").value(iso(key.endDateTime()));
            out.name("key").nullValue();
            out.name("keyId").value(key.keyId());
            out.name("startDateTime").value(iso(key.startDateTime()));
            out.name("type").value(key.type());
            out.name("usage").value(key.usage());
            out.endObject();
        }
        out.endArray();
    }

    private static void writePasswordCredentials(JsonWriter out, List<PasswordCredential> credentials)
            throws IOException {
        out.beginArray();
        for (PasswordCredential password : credentials) {
            writePasswordCredential(out, password, null);
        }
        out.endArray();
    }

    /** A password credential; secretText is given only in the answer to addPassword. */
    public static void writePasswordCredential(JsonWriter out, PasswordCredential password, String secretText)
            throws IOException {
        out.beginObject();
        out.name("customKeyIdentifier").nullValue();
        out.name("displayName").value(password.displayName());
        out.name("endDateTime").value(iso(password.endDateTime()));
        out.name("hint").value(password.hint());
        out.name("keyId").value(password.keyId());
        out.name("secretText").value(secretText);
        out.name("startDateTime").value(iso(password.startDateTime()));
        out.endObject();
    }

    private static void writeAppRoles(JsonWriter out, List<AppRole> roles) throws IOException {
        out.beginArray();
        for (AppRole role : roles) {
            out.beginObject();
            out.name("allowedMemberTypes").beginArray();
            for (String type : role.allowedMemberTypes()) {
                out.value(type);
            }
            out.endArray();
            out.name("description").value(role.description());
            out.name("displayName").value(role.displayName());
            out.name("id").value(role.id());
            out.name("isEnabled").value(role.isEnabled());
            out.name("origin").value("Application");
            out.name("value").value(role.value());
            out.endObject();
        }
        out.endArray();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}

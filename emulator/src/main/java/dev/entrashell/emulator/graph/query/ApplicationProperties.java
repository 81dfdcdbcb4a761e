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
import dev.entrashell.emulator.directory.KeyCredential;
import dev.entrashell.emulator.directory.PasswordCredential;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.graph.query.Property.Sort;

import static dev.entrashell.emulator.graph.query.Property.bool;
import static dev.entrashell.emulator.graph.query.Property.dateTime;
import static dev.entrashell.emulator.graph.query.Property.guid;
import static dev.entrashell.emulator.graph.query.Property.objects;
import static dev.entrashell.emulator.graph.query.Property.string;
import static dev.entrashell.emulator.graph.query.Property.strings;

/**
 * The properties of applications, their service principals and app role assignments, with their
 * query capabilities as Graph documents them and the JSON of their credentials and app roles.
 */
final class ApplicationProperties {
    private ApplicationProperties() {}

    static List<Property<Application>> ofApplication() {
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

    static List<Property<ServicePrincipal>> ofServicePrincipal() {
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

    static List<Property<AppRoleAssignment>> ofAppRoleAssignment() {
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

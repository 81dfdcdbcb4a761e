package dev.entrashell.emulator.graph;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.ClientSecrets;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.KeyCredential;
import dev.entrashell.emulator.directory.PasswordCredential;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.query.EntityTypes;
import dev.entrashell.emulator.graph.query.Selection;

import static dev.entrashell.emulator.graph.Bodies.Field;
import static dev.entrashell.emulator.graph.Bodies.Type;

/**
 * {@code POST/PATCH/DELETE /applications} and the secret actions {@code addPassword} and {@code
 * removePassword}. A secret added here, or a certificate set with {@code PATCH keyCredentials},
 * works at the token endpoint at once (it reads the application object), as after a rotation in a
 * real tenant.
 */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
final class ApplicationWrites {
    private static final String RESOURCE = "Application";
    private static final List<Field> FIELDS = List.of(
            Field.of("description", Type.STRING),
            Field.of("displayName", Type.STRING),
            Field.of("identifierUris", Type.STRINGS),
            Field.of("notes", Type.STRING),
            Field.of("signInAudience", Type.STRING),
            Field.of("tags", Type.STRINGS),
            Field.readOnly("id", Type.STRING),
            Field.readOnly("appId", Type.STRING),
            Field.readOnly("createdDateTime", Type.DATE_TIME),
            Field.readOnly("publisherDomain", Type.STRING),
            Field.of("keyCredentials", Type.OBJECTS),
            Field.readOnly("passwordCredentials", Type.STRINGS));
    private static final Set<String> AUDIENCES = Set.of(
            "AzureADMyOrg", "AzureADMultipleOrgs", "AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount");
    /** A secret lasts two years unless the request says otherwise. */
    private static final long DEFAULT_SECRET_DAYS = 730;

    private final Directory directory;

    ApplicationWrites(Directory directory) {
        this.directory = directory;
    }

    GraphResponse create(GraphRequest request) throws GraphException {
        Map<String, JsonElement> values = fields(request);
        Bodies.require(values, RESOURCE, "displayName");
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        Tenant tenant = directory.tenant(request.caller().tenantId()).orElseThrow();
        String appId = Guids.random();
        Application described = new Application(
                Guids.random(),
                appId,
                Bodies.string(values, "displayName", null),
                Bodies.string(values, "description", null),
                Bodies.string(values, "signInAudience", "AzureADMyOrg"),
                now(request),
                tenant.defaultDomain(),
                Bodies.strings(values, "identifierUris", List.of()),
                Bodies.strings(values, "tags", List.of()),
                Bodies.string(values, "notes", null),
                List.of(),
                List.of());
        KeyCredentialChanges keys = KeyCredentialChanges.read(values.get("keyCredentials"), described);
        Application application = described.withKeyCredentials(keys.added().stream()
                .map(certificate -> KeyCredential.of(appId, certificate))
                .toList());
        objects.putApplication(application);
        Selection selection = Selection.defaults();
        return GraphResponse.created(
                out -> {
                    out.beginObject();
                    out.name("@odata.context").value(request.serviceRoot() + "/$metadata#applications/$entity");
                    EntityTypes.APPLICATION.writeProperties(
                            out, application, selection.propertiesFor(EntityTypes.APPLICATION));
                    out.endObject();
                },
                Bodies.location(request, application.id(), RESOURCE));
    }

    GraphResponse update(GraphRequest request) throws GraphException {
        Map<String, JsonElement> values = fields(request);
        if (values.containsKey("displayName") && values.get("displayName").isJsonNull()) {
            throw Bodies.invalidValue("displayName", RESOURCE);
        }
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            Application application = ReadHandlers.application(request, objects);
            String displayName = Bodies.string(values, "displayName", application.displayName());
            // Everything is checked before anything is written: Graph changes nothing on a 400.
            KeyCredentialChanges keys = values.containsKey("keyCredentials")
                    ? KeyCredentialChanges.read(values.get("keyCredentials"), application)
                    : null;
            Application changed = new Application(
                    application.id(),
                    application.appId(),
                    displayName,
                    Bodies.string(values, "description", application.description()),
                    Bodies.string(values, "signInAudience", application.signInAudience()),
                    application.createdDateTime(),
                    application.publisherDomain(),
                    Bodies.strings(values, "identifierUris", application.identifierUris()),
                    Bodies.strings(values, "tags", application.tags()),
                    Bodies.string(values, "notes", application.notes()),
                    application.keyCredentials(),
                    application.passwordCredentials());
            objects.putApplication(changed);
            if (keys != null) {
                directory.replaceCertificates(request.caller().tenantId(), application.id(), keys.kept(), keys.added());
            }
            if (!displayName.equals(application.displayName())) {
                // its service principal takes the new name too
                directory.renameApplication(request.caller().tenantId(), application.id(), displayName);
            }
            return GraphResponse.noContent();
        }
    }

    GraphResponse delete(GraphRequest request) throws GraphException {
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        Application application = ReadHandlers.application(request, objects);
        directory.deleteApplication(request.caller().tenantId(), application.id());
        return GraphResponse.noContent();
    }

    /** Body: {@code {"passwordCredential": {"displayName": ..., "endDateTime": ...}}}, all optional. */
    GraphResponse addPassword(GraphRequest request) throws GraphException {
        JsonObject body = request.body().length == 0 ? new JsonObject() : Bodies.object(request);
        JsonObject credential = new JsonObject();
        if (body.has("passwordCredential")) {
            if (!body.get("passwordCredential").isJsonObject()) {
                throw Bodies.invalidValue("passwordCredential", RESOURCE);
            }
            credential = body.getAsJsonObject("passwordCredential");
        }
        Instant start = credential.has("startDateTime")
                        && !credential.get("startDateTime").isJsonNull()
                ? Bodies.dateTime(credential.get("startDateTime"), "startDateTime", "PasswordCredential")
                : now(request);
        Instant end =
                credential.has("endDateTime") && !credential.get("endDateTime").isJsonNull()
                        ? Bodies.dateTime(credential.get("endDateTime"), "endDateTime", "PasswordCredential")
                        : start.plus(DEFAULT_SECRET_DAYS, ChronoUnit.DAYS);
        if (!end.isAfter(start)) {
            throw Bodies.invalidValue("endDateTime", "PasswordCredential");
        }
        String displayName =
                credential.has("displayName") && !credential.get("displayName").isJsonNull()
                        ? credential.get("displayName").getAsString()
                        : null;
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        Application application = ReadHandlers.application(request, objects);
        String secret = ClientSecrets.generate();
        PasswordCredential created = directory.addPassword(
                request.caller().tenantId(),
                application.id(),
                secret,
                new PasswordCredential(displayName, end, PasswordCredential.hint(secret), Guids.random(), start));
        return GraphResponse.ok(out -> {
            out.beginObject();
            out.name("@odata.context").value(request.serviceRoot() + "/$metadata#microsoft.graph.passwordCredential");
            out.name("customKeyIdentifier").nullValue();
            out.name("displayName").value(created.displayName());
            out.name("endDateTime").value(created.endDateTime().toString());
            out.name("hint").value(created.hint());
            out.name("keyId").value(created.keyId());
            out.name("secretText").value(secret);
            out.name("startDateTime").value(created.startDateTime().toString());
            out.endObject();
        });
    }

    /** Body: {@code {"keyId": "..."}}. */
    GraphResponse removePassword(GraphRequest request) throws GraphException {
        JsonObject body = Bodies.object(request);
        JsonElement keyId = body.get("keyId");
        if (keyId == null || !keyId.isJsonPrimitive() || !Guids.isGuid(keyId.getAsString())) {
            throw Bodies.invalidValue("keyId", RESOURCE);
        }
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        Application application = ReadHandlers.application(request, objects);
        if (!directory.removePassword(request.caller().tenantId(), application.id(), keyId.getAsString())) {
            throw GraphException.directoryBadRequest(
                    "No password credential with keyId '" + keyId.getAsString() + "' exists on the application.");
        }
        return GraphResponse.noContent();
    }

    private static Map<String, JsonElement> fields(GraphRequest request) throws GraphException {
        JsonObject body = Bodies.object(request);
        Map<String, JsonElement> values =
                Bodies.fields(body, FIELDS, EntityTypes.APPLICATION.qualifiedName(), RESOURCE);
        if (values.containsKey("displayName")) {
            String name = Bodies.string(values, "displayName", null);
            if (name != null && (name.isBlank() || name.length() > 256)) {
                throw Bodies.invalidValue("displayName", RESOURCE);
            }
        }
        String audience = Bodies.string(values, "signInAudience", null);
        if (values.containsKey("signInAudience") && (audience == null || !AUDIENCES.contains(audience))) {
            throw Bodies.invalidValue("signInAudience", RESOURCE);
        }
        return values;
    }

    private static Instant now(GraphRequest request) {
        return request.receivedAt().truncatedTo(ChronoUnit.SECONDS);
    }
}

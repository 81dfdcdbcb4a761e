package dev.entrashell.emulator.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.DirectoryObject;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.query.EntityTypes;
import dev.entrashell.emulator.graph.query.Selection;

import static dev.entrashell.emulator.graph.Bodies.Field;
import static dev.entrashell.emulator.graph.Bodies.Type;

/**
 * {@code POST/PATCH/DELETE /groups}, and members and owners by reference ({@code
 * POST /groups/{id}/members/$ref} with {@code {"@odata.id": ".../directoryObjects/{id}"}}, {@code
 * DELETE /groups/{id}/members/{id}/$ref}), with Graph's checks and messages.
 */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
final class GroupWrites {
    private static final String RESOURCE = "Group";
    private static final List<Field> FIELDS = List.of(
            Field.of("description", Type.STRING),
            Field.of("displayName", Type.STRING),
            Field.of("groupTypes", Type.STRINGS),
            Field.of("mailEnabled", Type.BOOLEAN),
            Field.of("mailNickname", Type.STRING),
            Field.of("securityEnabled", Type.BOOLEAN),
            Field.of("visibility", Type.STRING),
            Field.of("members@odata.bind", Type.BINDINGS),
            Field.of("owners@odata.bind", Type.BINDINGS),
            Field.readOnly("id", Type.STRING),
            Field.readOnly("createdDateTime", Type.DATE_TIME),
            Field.readOnly("mail", Type.STRING));
    private static final Set<String> GROUP_TYPES = Set.of("unified", "dynamicmembership");
    private static final Set<String> VISIBILITIES = Set.of("public", "private", "hiddenmembership");
    private static final Set<String> OBJECT_SETS =
            Set.of("directoryobjects", "users", "groups", "serviceprincipals", "devices");
    /** Graph accepts at most this many references in one create. */
    private static final int MAX_BINDINGS = 20;

    private final Directory directory;

    GroupWrites(Directory directory) {
        this.directory = directory;
    }

    GraphResponse create(GraphRequest request) throws GraphException {
        Map<String, JsonElement> values = fields(request);
        Bodies.require(values, RESOURCE, "displayName");
        for (String required : List.of("mailEnabled", "mailNickname", "securityEnabled")) {
            if (!values.containsKey(required) || values.get(required).isJsonNull()) {
                throw Bodies.invalidValue(required, RESOURCE);
            }
        }
        List<String> groupTypes = Bodies.strings(values, "groupTypes", List.of());
        boolean unified = groupTypes.stream().anyMatch("Unified"::equalsIgnoreCase);
        boolean mailEnabled = Bodies.bool(values, "mailEnabled", false);
        checkMailEnablement(unified, mailEnabled);
        String nickname = Bodies.string(values, "mailNickname", null);
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        Tenant tenant = directory.tenant(request.caller().tenantId()).orElseThrow();
        try (TenantObjects.Held held = objects.write()) {
            if (unified
                    && objects.groupsView().stream()
                            .anyMatch(g -> nickname.equalsIgnoreCase(g.mailNickname()) && g.isMicrosoft365())) {
                throw GraphException.directoryBadRequest(
                        "Another object with the same value for property mailNickname already exists.");
            }
            List<String> members = bindings(request, objects, values.get("members@odata.bind"), "members");
            List<String> owners = bindings(request, objects, values.get("owners@odata.bind"), "owners");
            Group group = new Group(
                    Guids.random(),
                    Bodies.string(values, "displayName", null),
                    Bodies.string(values, "description", null),
                    nickname,
                    unified ? nickname + "@" + tenant.defaultDomain() : null,
                    mailEnabled,
                    Bodies.bool(values, "securityEnabled", false),
                    groupTypes,
                    Bodies.string(values, "visibility", unified ? "Public" : null),
                    request.receivedAt().truncatedTo(ChronoUnit.SECONDS));
            objects.addGroup(group);
            for (String member : members) {
                addMember(objects, group, member);
            }
            for (String owner : owners) {
                addOwner(objects, group, owner);
            }
            Selection selection = Selection.defaults();
            return GraphResponse.created(
                    out -> {
                        out.beginObject();
                        out.name("@odata.context").value(request.serviceRoot() + "/$metadata#groups/$entity");
                        EntityTypes.GROUP.writeProperties(out, group, selection.propertiesFor(EntityTypes.GROUP));
                        out.endObject();
                    },
                    Bodies.location(request, group.id(), RESOURCE));
        }
    }

    GraphResponse update(GraphRequest request) throws GraphException {
        Map<String, JsonElement> values = fields(request);
        for (String name : List.of("members@odata.bind", "owners@odata.bind", "groupTypes")) {
            if (values.containsKey(name)) {
                throw GraphException.directoryBadRequest(
                        "Property '" + name + "' cannot be updated with PATCH on this emulator.");
            }
        }
        for (String required : List.of("displayName", "mailNickname", "mailEnabled", "securityEnabled")) {
            if (values.containsKey(required) && values.get(required).isJsonNull()) {
                throw Bodies.invalidValue(required, RESOURCE);
            }
        }
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            Group group = ReadHandlers.group(request, objects);
            boolean mailEnabled = Bodies.bool(values, "mailEnabled", group.mailEnabled());
            if (mailEnabled != group.mailEnabled()) {
                checkMailEnablement(group.isMicrosoft365(), mailEnabled);
            }
            String nickname = Bodies.string(values, "mailNickname", group.mailNickname());
            Group updated = new Group(
                    group.id(),
                    Bodies.string(values, "displayName", group.displayName()),
                    Bodies.string(values, "description", group.description()),
                    nickname,
                    group.isMicrosoft365()
                            ? nickname + group.mail().substring(group.mail().indexOf('@'))
                            : group.mail(),
                    mailEnabled,
                    Bodies.bool(values, "securityEnabled", group.securityEnabled()),
                    group.groupTypes(),
                    Bodies.string(values, "visibility", group.visibility()),
                    group.createdDateTime());
            objects.replaceGroup(updated);
            return GraphResponse.noContent();
        }
    }

    GraphResponse delete(GraphRequest request) throws GraphException {
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            objects.removeGroup(ReadHandlers.group(request, objects).id());
            return GraphResponse.noContent();
        }
    }

    GraphResponse addMember(GraphRequest request) throws GraphException {
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            Group group = ReadHandlers.group(request, objects);
            addMember(objects, group, reference(request, objects, "members"));
            return GraphResponse.noContent();
        }
    }

    GraphResponse removeMember(GraphRequest request) throws GraphException {
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            Group group = ReadHandlers.group(request, objects);
            String member = request.pathParameter("memberId");
            if (!objects.removeMember(group.id(), member)) {
                throw GraphException.resourceNotFound(member);
            }
            return GraphResponse.noContent();
        }
    }

    GraphResponse addOwner(GraphRequest request) throws GraphException {
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            Group group = ReadHandlers.group(request, objects);
            addOwner(objects, group, reference(request, objects, "owners"));
            return GraphResponse.noContent();
        }
    }

    GraphResponse removeOwner(GraphRequest request) throws GraphException {
        TenantObjects objects = ReadHandlers.objectsOf(directory, request);
        try (TenantObjects.Held held = objects.write()) {
            Group group = ReadHandlers.group(request, objects);
            String owner = request.pathParameter("ownerId");
            if (!objects.removeOwner(group.id(), owner)) {
                throw GraphException.resourceNotFound(owner);
            }
            return GraphResponse.noContent();
        }
    }

    // ---- rules -----------------------------------------------------------------------------------

    private static void addMember(TenantObjects objects, Group group, String memberId) throws GraphException {
        DirectoryObject member = objects.object(memberId).orElseThrow(() -> GraphException.resourceNotFound(memberId));
        if (member.id().equalsIgnoreCase(group.id())) {
            throw GraphException.directoryBadRequest("A group cannot be a member of itself.");
        }
        if (group.isMicrosoft365() && !(member instanceof User)) {
            throw GraphException.directoryBadRequest("Members of a Microsoft 365 group can only be users.");
        }
        if (!objects.addMember(group.id(), member.id())) {
            throw GraphException.directoryBadRequest("One or more added object references already exist for the"
                    + " following modified properties: 'members'.");
        }
    }

    private static void addOwner(TenantObjects objects, Group group, String ownerId) throws GraphException {
        DirectoryObject owner = objects.object(ownerId).orElseThrow(() -> GraphException.resourceNotFound(ownerId));
        if (!(owner instanceof User) && !(owner instanceof ServicePrincipal)) {
            throw GraphException.directoryBadRequest("Owners of a group can only be users or service principals.");
        }
        if (!objects.addOwner(group.id(), owner.id())) {
            throw GraphException.directoryBadRequest("One or more added object references already exist for the"
                    + " following modified properties: 'owners'.");
        }
    }

    private static void checkMailEnablement(boolean unified, boolean mailEnabled) throws GraphException {
        if (mailEnabled && !unified) {
            throw GraphException.directoryBadRequest("The service does not currently support writes of mail-enabled"
                    + " groups. Please ensure that the mail-enablement property is unset or is set to false.");
        }
    }

    private static Map<String, JsonElement> fields(GraphRequest request) throws GraphException {
        JsonObject body = Bodies.object(request);
        Map<String, JsonElement> values = Bodies.fields(body, FIELDS, EntityTypes.GROUP.qualifiedName(), RESOURCE);
        if (values.containsKey("displayName")) {
            String name = Bodies.string(values, "displayName", null);
            if (name == null || name.isBlank() || name.length() > 256) {
                throw Bodies.invalidValue("displayName", RESOURCE);
            }
        }
        if (values.containsKey("mailNickname")
                && !Bodies.validMailNickname(Bodies.string(values, "mailNickname", null))) {
            throw Bodies.invalidValue("mailNickname", RESOURCE);
        }
        for (String type : Bodies.strings(values, "groupTypes", List.of())) {
            if (!GROUP_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                throw Bodies.invalidValue("groupTypes", RESOURCE);
            }
        }
        String visibility = Bodies.string(values, "visibility", null);
        if (visibility != null && !VISIBILITIES.contains(visibility.toLowerCase(Locale.ROOT))) {
            throw Bodies.invalidValue("visibility", RESOURCE);
        }
        return values;
    }

    /** The object named by the body's {@code @odata.id}. */
    private static String reference(GraphRequest request, TenantObjects objects, String property)
            throws GraphException {
        JsonObject body = Bodies.object(request);
        JsonElement id = body.get("@odata.id");
        if (id == null || !id.isJsonPrimitive()) {
            throw Bodies.unreadablePayload();
        }
        return referencedId(request, id.getAsString(), "@odata.id", property);
    }

    private static List<String> bindings(GraphRequest request, TenantObjects objects, JsonElement urls, String property)
            throws GraphException {
        List<String> ids = new ArrayList<>();
        if (urls == null || urls.isJsonNull()) {
            return ids;
        }
        if (urls.getAsJsonArray().size() > MAX_BINDINGS) {
            throw GraphException.directoryBadRequest("The request contains more than " + MAX_BINDINGS
                    + " object references in '" + property + "@odata.bind'.");
        }
        for (JsonElement url : urls.getAsJsonArray()) {
            String referenced = referencedId(request, url.getAsString(), "@odata.bind", property);
            if (objects.object(referenced).isEmpty()) {
                throw GraphException.resourceNotFound(referenced);
            }
            ids.add(referenced);
        }
        return ids;
    }

    /**
     * The object id in a reference URL such as {@code https://graph.microsoft.com/v1.0/directoryObjects/{id}}:
     * on Graph's host or this emulator's, or relative.
     */
    static String referencedId(GraphRequest request, String url, String annotation, String property)
            throws GraphException {
        GraphException invalid = GraphException.directoryBadRequest(
                "Invalid URL format specified in " + annotation + " for " + property + ".");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid;
        }
        if (uri.getScheme() != null) {
            URI own = URI.create(request.serviceRoot());
            boolean graphHost = "graph.microsoft.com".equalsIgnoreCase(uri.getHost());
            boolean ownHost = own.getHost().equalsIgnoreCase(uri.getHost()) && own.getPort() == uri.getPort();
            if (!"https".equalsIgnoreCase(uri.getScheme()) || !(graphHost || ownHost)) {
                throw invalid;
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : (uri.getPath() == null ? "" : uri.getPath()).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (!segments.isEmpty()
                && (segments.get(0).equalsIgnoreCase("v1.0") || segments.get(0).equalsIgnoreCase("beta"))) {
            segments.remove(0);
        }
        if (segments.size() != 2 || !OBJECT_SETS.contains(segments.get(0).toLowerCase(Locale.ROOT))) {
            throw invalid;
        }
        String id = segments.get(1);
        if (!Guids.isGuid(id)) {
            throw GraphException.directoryBadRequest("Invalid object identifier '" + id + "'.");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}

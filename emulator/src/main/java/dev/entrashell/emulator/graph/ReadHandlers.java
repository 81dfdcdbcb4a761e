package dev.entrashell.emulator.graph;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.Device;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.DirectoryObject;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.graph.query.EntityType;
import dev.entrashell.emulator.graph.query.EntityTypes;

/**
 * Every GET on directory objects: the collections ({@code /users}, {@code /groups}, ...), their
 * {@code /$count}, single objects, and the relationships ({@code manager}, {@code memberOf},
 * {@code members}, {@code transitiveMembers}, {@code owners}, {@code appRoleAssignments}).
 */
final class ReadHandlers {
    /** {@code (appId='...')}, the alternate key of applications and service principals. */
    private static final Pattern APP_ID_KEY = Pattern.compile("\\(\\s*appId\\s*=\\s*'([^']*)'\\s*\\)");
    /** {@code ('...')}: an id in parentheses. */
    private static final Pattern ID_KEY = Pattern.compile("\\(\\s*'?([^')]*)'?\\s*\\)");

    private final Directory directory;
    private final Listings listings;

    ReadHandlers(Directory directory, Listings listings) {
        this.directory = directory;
        this.listings = listings;
    }

    // ---- users -----------------------------------------------------------------------------------

    GraphResponse listUsers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.list(request, objects, collection(EntityTypes.USER, objects::usersView));
    }

    GraphResponse countUsers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.count(request, objects, collection(EntityTypes.USER, objects::usersView));
    }

    GraphResponse getUser(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.single(request, objects, user(request, objects), "users", false);
    }

    GraphResponse manager(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        User user = user(request, objects);
        User manager = objects.manager(user.id()).orElseThrow(() -> GraphException.resourceNotFound("manager"));
        return listings.single(request, objects, manager, "directoryObjects", true);
    }

    GraphResponse directReports(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        User user = user(request, objects);
        return listings.list(request, objects, related(EntityTypes.USER, () -> objects.directReports(user.id())));
    }

    GraphResponse userMemberOf(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        User user = user(request, objects);
        return listings.list(request, objects, related(EntityTypes.GROUP, () -> objects.memberOf(user.id())));
    }

    GraphResponse userTransitiveMemberOf(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        User user = user(request, objects);
        return listings.list(request, objects, related(EntityTypes.GROUP, () -> objects.transitiveMemberOf(user.id())));
    }

    // ---- groups ----------------------------------------------------------------------------------

    GraphResponse listGroups(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.list(request, objects, collection(EntityTypes.GROUP, objects::groupsView));
    }

    GraphResponse countGroups(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.count(request, objects, collection(EntityTypes.GROUP, objects::groupsView));
    }

    GraphResponse getGroup(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.single(request, objects, group(request, objects), "groups", false);
    }

    GraphResponse members(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.list(request, objects, related(EntityTypes.USER, () -> objects.members(group.id())));
    }

    GraphResponse countMembers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.count(request, objects, related(EntityTypes.USER, () -> objects.members(group.id())));
    }

    GraphResponse transitiveMembers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.list(request, objects, related(EntityTypes.USER, () -> objects.transitiveMembers(group.id())));
    }

    GraphResponse countTransitiveMembers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.count(request, objects, related(EntityTypes.USER, () -> objects.transitiveMembers(group.id())));
    }

    GraphResponse owners(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.list(request, objects, related(EntityTypes.USER, () -> objects.owners(group.id())));
    }

    GraphResponse groupMemberOf(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.list(request, objects, related(EntityTypes.GROUP, () -> objects.memberOf(group.id())));
    }

    GraphResponse groupTransitiveMemberOf(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.list(
                request, objects, related(EntityTypes.GROUP, () -> objects.transitiveMemberOf(group.id())));
    }

    // ---- applications and service principals -----------------------------------------------------

    GraphResponse listApplications(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.list(request, objects, collection(EntityTypes.APPLICATION, objects::applicationsView));
    }

    GraphResponse countApplications(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.count(request, objects, collection(EntityTypes.APPLICATION, objects::applicationsView));
    }

    GraphResponse getApplication(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.single(request, objects, application(request, objects), "applications", false);
    }

    GraphResponse listServicePrincipals(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.list(
                request, objects, collection(EntityTypes.SERVICE_PRINCIPAL, objects::servicePrincipalsView));
    }

    GraphResponse countServicePrincipals(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.count(
                request, objects, collection(EntityTypes.SERVICE_PRINCIPAL, objects::servicePrincipalsView));
    }

    GraphResponse getServicePrincipal(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.single(request, objects, servicePrincipal(request, objects), "servicePrincipals", false);
    }

    GraphResponse appRoleAssignments(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        ServicePrincipal principal = servicePrincipal(request, objects);
        return listings.list(
                request,
                objects,
                new Listings.Source(
                        EntityTypes.APP_ROLE_ASSIGNMENT,
                        false,
                        "servicePrincipals('" + principal.id() + "')/appRoleAssignments",
                        () -> objects.appRoleAssignments(principal.id()),
                        null));
    }

    GraphResponse appRoleAssignedTo(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        ServicePrincipal principal = servicePrincipal(request, objects);
        return listings.list(
                request,
                objects,
                new Listings.Source(
                        EntityTypes.APP_ROLE_ASSIGNMENT,
                        false,
                        "servicePrincipals('" + principal.id() + "')/appRoleAssignedTo",
                        () -> objects.appRoleAssignedTo(principal.id()),
                        null));
    }

    GraphResponse servicePrincipalMemberOf(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        ServicePrincipal principal = servicePrincipal(request, objects);
        return listings.list(request, objects, related(EntityTypes.GROUP, () -> objects.memberOf(principal.id())));
    }

    // ---- casts: a relationship's objects of one type ---------------------------------------------

    /** {@code /groups/{id}/members/microsoft.graph.user} and the like: only objects of that type. */
    GraphResponse castMembers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.list(request, objects, cast(request, () -> objects.members(group.id())));
    }

    GraphResponse countCastMembers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.count(request, objects, cast(request, () -> objects.members(group.id())));
    }

    GraphResponse castTransitiveMembers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.list(request, objects, cast(request, () -> objects.transitiveMembers(group.id())));
    }

    GraphResponse countCastTransitiveMembers(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.count(request, objects, cast(request, () -> objects.transitiveMembers(group.id())));
    }

    GraphResponse castOwners(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Group group = group(request, objects);
        return listings.list(request, objects, cast(request, () -> objects.owners(group.id())));
    }

    GraphResponse castUserMemberOf(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        User user = user(request, objects);
        return listings.list(request, objects, cast(request, () -> objects.memberOf(user.id())));
    }

    GraphResponse castUserTransitiveMemberOf(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        User user = user(request, objects);
        return listings.list(request, objects, cast(request, () -> objects.transitiveMemberOf(user.id())));
    }

    /** Graph's answer to {@code /me} with an app-only token. */
    GraphResponse me(GraphRequest request) throws GraphException {
        throw GraphException.badRequest("/me request is only valid with delegated authentication flow.");
    }

    /** The objects of the cast's type, listed as that type's collection. */
    private static Listings.Source cast(GraphRequest request, Supplier<List<?>> items) throws GraphException {
        String cast = request.pathParameter("type");
        EntityType<?> type = EntityTypes.DIRECTORY_OBJECT_TYPES.stream()
                .filter(t -> t.qualifiedName().equalsIgnoreCase(cast))
                .findFirst()
                .orElseThrow(() -> GraphException.segmentNotFound(cast));
        return new Listings.Source(
                type,
                false,
                type.entitySet(),
                () -> items.get().stream().filter(type::isInstance).toList(),
                null);
    }

    // ---- devices and any object ------------------------------------------------------------------

    GraphResponse listDevices(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.list(request, objects, collection(EntityTypes.DEVICE, objects::devicesView));
    }

    GraphResponse countDevices(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.count(request, objects, collection(EntityTypes.DEVICE, objects::devicesView));
    }

    GraphResponse getDevice(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        return listings.single(request, objects, device(request, objects), "devices", false);
    }

    GraphResponse deviceMemberOf(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        Device device = device(request, objects);
        return listings.list(request, objects, related(EntityTypes.GROUP, () -> objects.memberOf(device.id())));
    }

    GraphResponse getDirectoryObject(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        String id = key(request);
        DirectoryObject object = objects.object(id).orElseThrow(() -> GraphException.resourceNotFound(id));
        return listings.single(request, objects, object, "directoryObjects", true);
    }

    // ---- lookups ---------------------------------------------------------------------------------

    private TenantObjects objects(GraphRequest request) throws GraphException {
        return objectsOf(directory, request);
    }

    static TenantObjects objectsOf(Directory directory, GraphRequest request) throws GraphException {
        try {
            return directory.objects(request.caller().tenantId());
        } catch (IllegalArgumentException e) {
            throw GraphException.resourceNotFound(request.caller().tenantId());
        }
    }

    private static Listings.Source collection(EntityType<?> type, Supplier<List<?>> items) {
        return new Listings.Source(type, false, type.entitySet(), items, type.entitySet());
    }

    /** A relationship: a directoryObject collection, filtered and selected as the given type. */
    private static Listings.Source related(EntityType<?> type, Supplier<List<?>> items) {
        return new Listings.Source(type, true, "directoryObjects", items, null);
    }

    /** The {id} segment, with {@code ('id')} unwrapped. */
    static String key(GraphRequest request) {
        String key = request.pathParameter("id").strip();
        Matcher id = ID_KEY.matcher(key);
        if (id.matches() && !APP_ID_KEY.matcher(key).matches()) {
            return id.group(1);
        }
        return key;
    }

    static User user(GraphRequest request, TenantObjects objects) throws GraphException {
        String key = key(request);
        return objects.user(key).orElseThrow(() -> GraphException.resourceNotFound(key));
    }

    static Group group(GraphRequest request, TenantObjects objects) throws GraphException {
        String key = key(request);
        return objects.group(key).orElseThrow(() -> GraphException.resourceNotFound(key));
    }

    static Device device(GraphRequest request, TenantObjects objects) throws GraphException {
        String key = key(request);
        return objects.device(key).orElseThrow(() -> GraphException.resourceNotFound(key));
    }

    static Application application(GraphRequest request, TenantObjects objects) throws GraphException {
        return byIdOrAppId(request, objects::application, objects::applicationByAppId);
    }

    static ServicePrincipal servicePrincipal(GraphRequest request, TenantObjects objects) throws GraphException {
        return byIdOrAppId(request, objects::servicePrincipal, objects::servicePrincipalByAppId);
    }

    private static <T> T byIdOrAppId(
            GraphRequest request, Function<String, Optional<T>> byId, Function<String, Optional<T>> byAppId)
            throws GraphException {
        String key = key(request);
        Matcher appId = APP_ID_KEY.matcher(key);
        if (appId.matches()) {
            String value = appId.group(1);
            return byAppId.apply(value).orElseThrow(() -> GraphException.resourceNotFound(value));
        }
        return byId.apply(key).orElseThrow(() -> GraphException.resourceNotFound(key));
    }
}

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
import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.graph.query.EntityType;
import dev.entrashell.emulator.graph.query.EntityTypes;

/**
 * Every GET on directory objects: the collections ({@code /users}, {@code /groups}, ...), their
 * {@code /$count}, single objects, and the relationships ({@code manager}, {@code memberOf},
 * {@code members}, {@code transitiveMembers}, {@code owners}, {@code appRoleAssignments}). Most are
 * built from parts (a {@link Lookup} of the path's object, a {@link Relation}, an entity type), so the
 * route table in {@link GraphServer} reads as what each route serves.
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

    /** Finds, by the path's {@code {id}}, the object a route is about. */
    @FunctionalInterface
    interface Lookup<T extends DirectoryObject> {
        T find(GraphRequest request, TenantObjects objects) throws GraphException;
    }

    static final Lookup<User> USER = ReadHandlers::user;
    static final Lookup<Group> GROUP = ReadHandlers::group;
    static final Lookup<Device> DEVICE = ReadHandlers::device;
    static final Lookup<Application> APPLICATION = ReadHandlers::application;
    static final Lookup<ServicePrincipal> SERVICE_PRINCIPAL = ReadHandlers::servicePrincipal;

    /** A relationship of a directory object ({@code members}, {@code memberOf}, ...), by the object's id. */
    @FunctionalInterface
    interface Relation {
        List<?> of(TenantObjects objects, String id);
    }

    // ---- collections and single objects ----------------------------------------------------------

    /** {@code /users} and the like: the tenant's collection, with the query options. */
    GraphRouter.Handler list(EntityType<?> type, Function<TenantObjects, List<?>> view) {
        return request -> {
            TenantObjects objects = objects(request);
            return listings.list(request, objects, collection(type, () -> view.apply(objects)));
        };
    }

    /** {@code /users/$count} and the like. */
    GraphRouter.Handler count(EntityType<?> type, Function<TenantObjects, List<?>> view) {
        return request -> {
            TenantObjects objects = objects(request);
            return listings.count(request, objects, collection(type, () -> view.apply(objects)));
        };
    }

    /** {@code /users/{id}} and the like, answered in the context of {@code entitySet}. */
    GraphRouter.Handler single(Lookup<?> lookup, String entitySet) {
        return request -> {
            TenantObjects objects = objects(request);
            return listings.single(request, objects, lookup.find(request, objects), entitySet, false);
        };
    }

    // ---- relationships -----------------------------------------------------------------------------

    /** {@code /groups/{id}/members} and the like: the related objects, filtered and selected as {@code type}. */
    GraphRouter.Handler related(Lookup<?> lookup, EntityType<?> type, Relation relation) {
        return request -> {
            TenantObjects objects = objects(request);
            String id = lookup.find(request, objects).id();
            return listings.list(request, objects, related(type, () -> relation.of(objects, id)));
        };
    }

    /** {@code /groups/{id}/members/$count} and the like. */
    GraphRouter.Handler countRelated(Lookup<?> lookup, EntityType<?> type, Relation relation) {
        return request -> {
            TenantObjects objects = objects(request);
            String id = lookup.find(request, objects).id();
            return listings.count(request, objects, related(type, () -> relation.of(objects, id)));
        };
    }

    /** {@code /groups/{id}/members/microsoft.graph.user} and the like: only the related objects of that type. */
    GraphRouter.Handler castRelated(Lookup<?> lookup, Relation relation) {
        return request -> {
            TenantObjects objects = objects(request);
            String id = lookup.find(request, objects).id();
            return listings.list(request, objects, cast(request, () -> relation.of(objects, id)));
        };
    }

    /** {@code /groups/{id}/members/microsoft.graph.user/$count} and the like. */
    GraphRouter.Handler countCastRelated(Lookup<?> lookup, Relation relation) {
        return request -> {
            TenantObjects objects = objects(request);
            String id = lookup.find(request, objects).id();
            return listings.count(request, objects, cast(request, () -> relation.of(objects, id)));
        };
    }

    GraphResponse manager(GraphRequest request) throws GraphException {
        TenantObjects objects = objects(request);
        User user = user(request, objects);
        User manager = objects.manager(user.id()).orElseThrow(() -> GraphException.resourceNotFound("manager"));
        return listings.single(request, objects, manager, "directoryObjects", true);
    }

    /** {@code /servicePrincipals/{id}/appRoleAssignments} and {@code /appRoleAssignedTo}: assignments, not objects. */
    GraphRouter.Handler assignments(String relationship, Relation relation) {
        return request -> {
            TenantObjects objects = objects(request);
            ServicePrincipal principal = servicePrincipal(request, objects);
            return listings.list(
                    request,
                    objects,
                    new Listings.Source(
                            EntityTypes.APP_ROLE_ASSIGNMENT,
                            false,
                            "servicePrincipals('" + principal.id() + "')/" + relationship,
                            () -> relation.of(objects, principal.id()),
                            null));
        };
    }

    /** Graph's answer to {@code /me} with an app-only token. */
    GraphResponse me(GraphRequest request) throws GraphException {
        throw GraphException.badRequest("/me request is only valid with delegated authentication flow.");
    }

    /**
     * The objects of the cast's type, listed as that type's collection. Graph takes the type with its
     * namespace, {@code microsoft.graph.user}, or with the namespace's alias, {@code graph.user} (what
     * the Graph SDKs send).
     */
    private static Listings.Source cast(GraphRequest request, Supplier<List<?>> items) throws GraphException {
        String cast = request.pathParameter("type");
        String qualified = cast.regionMatches(true, 0, "graph.", 0, 6) ? "microsoft." + cast : cast;
        EntityType<?> type = EntityTypes.DIRECTORY_OBJECT_TYPES.stream()
                .filter(t -> t.qualifiedName().equalsIgnoreCase(qualified))
                .findFirst()
                .orElseThrow(() -> GraphException.segmentNotFound(cast));
        return new Listings.Source(
                type,
                false,
                type.entitySet(),
                () -> items.get().stream().filter(type::isInstance).toList(),
                null);
    }

    // ---- any object ------------------------------------------------------------------------------

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

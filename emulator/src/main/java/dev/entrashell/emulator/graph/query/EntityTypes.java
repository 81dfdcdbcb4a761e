package dev.entrashell.emulator.graph.query;

import java.util.List;

import dev.entrashell.emulator.directory.AppRoleAssignment;
import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.Device;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.graph.permission.GraphPermissions;

import static dev.entrashell.emulator.graph.query.Property.objects;

/**
 * The entity types Graph serves here, with each property's support for query options as Graph's
 * documentation tabulates it ("Advanced query capabilities on directory objects"): what works by
 * default, what needs {@code ConsistencyLevel: eventual} and {@code $count=true}, what never works.
 * Each family's property table is its own class ({@link UserProperties}, {@link GroupProperties},
 * {@link DeviceProperties}, {@link ApplicationProperties}).
 */
public final class EntityTypes {
    /** Role Graph requires, besides the operation's, to read users' sign-in activity. */
    public static final String SIGN_IN_ACTIVITY_ROLE = GraphPermissions.PROPERTY_ROLES.get("user.signInActivity");

    public static final EntityType<User> USER = new EntityType<>(
                    User.class, "users", "user", "User", User::id, UserProperties.all())
            .navigation(new EntityType.Navigation("manager", false, (objects, id) -> objects.manager(id).stream()
                    .toList()))
            .navigation(new EntityType.Navigation("memberOf", true, (objects, id) -> objects.memberOf(id)))
            .navigation(new EntityType.Navigation("directReports", true, (objects, id) -> objects.directReports(id)));

    public static final EntityType<Group> GROUP = new EntityType<>(
                    Group.class, "groups", "group", "Group", Group::id, GroupProperties.all())
            .navigation(new EntityType.Navigation("members", true, (objects, id) -> objects.members(id)))
            .navigation(new EntityType.Navigation("owners", true, (objects, id) -> objects.owners(id)))
            .navigation(new EntityType.Navigation("memberOf", true, (objects, id) -> objects.memberOf(id)));

    public static final EntityType<Device> DEVICE = new EntityType<>(
                    Device.class, "devices", "device", "Device", Device::id, DeviceProperties.all())
            .navigation(new EntityType.Navigation("memberOf", true, (objects, id) -> objects.memberOf(id)));

    public static final EntityType<Application> APPLICATION = new EntityType<>(
            Application.class,
            "applications",
            "application",
            "Application",
            Application::id,
            ApplicationProperties.ofApplication());

    public static final EntityType<ServicePrincipal> SERVICE_PRINCIPAL = new EntityType<>(
                    ServicePrincipal.class,
                    "servicePrincipals",
                    "servicePrincipal",
                    "ServicePrincipal",
                    ServicePrincipal::id,
                    ApplicationProperties.ofServicePrincipal())
            .navigation(new EntityType.Navigation("memberOf", true, (objects, id) -> objects.memberOf(id)))
            .navigation(new EntityType.Navigation(
                    "appRoleAssignments", true, (objects, id) -> objects.appRoleAssignments(id)));

    public static final EntityType<AppRoleAssignment> APP_ROLE_ASSIGNMENT = new EntityType<>(
            AppRoleAssignment.class,
            "appRoleAssignments",
            "appRoleAssignment",
            "AppRoleAssignment",
            AppRoleAssignment::id,
            ApplicationProperties.ofAppRoleAssignment());

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
}

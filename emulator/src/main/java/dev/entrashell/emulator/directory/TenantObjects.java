package dev.entrashell.emulator.directory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One tenant's directory objects as Graph serves them: users, groups, devices, applications and
 * service principals ({@link ObjectTables}), and the relationships between them (manager, group
 * members and owners, app role assignments: {@link Relations}), kept consistent in both directions.
 *
 * <p>Thread-safe: every method takes the tenant's read or write lock. A reader that needs several
 * calls to see one consistent state (a page of a listing) holds {@link #read()} around them; the
 * {@code ...View()} lists are valid only while it does.
 */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
public final class TenantObjects {
    private final String tenantId;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final ObjectTables tables = new ObjectTables();

    private final Relations relations = new Relations();

    private final SortedCopies sortedCopies = new SortedCopies();

    /**
     * A held lock, released by {@link #close()}: {@code try (Held held = objects.read()) { ... }}.
     * (javac's "try" lint notes that {@code held} is not used in the body; classes that hold locks
     * this way suppress it.)
     */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    TenantObjects(String tenantId) {
        this.tenantId = tenantId;
        try (Held held = write()) {
            FirstPartyApis.servicePrincipals(tenantId).forEach(tables::putServicePrincipal);
        }
    }

    public String tenantId() {
        return tenantId;
    }

    public Held read() {
        lock.readLock().lock();
        return () -> lock.readLock().unlock();
    }

    public Held write() {
        lock.writeLock().lock();
        return () -> lock.writeLock().unlock();
    }

    // ---- reads: collections ----------------------------------------------------------------------

    /** In creation order; valid while the caller holds {@link #read()}. */
    public List<User> usersView() {
        return tables.users.view();
    }

    public List<Group> groupsView() {
        return tables.groups.view();
    }

    public List<Device> devicesView() {
        return tables.devices.view();
    }

    public List<Application> applicationsView() {
        return tables.applications.view();
    }

    public List<ServicePrincipal> servicePrincipalsView() {
        return tables.servicePrincipals.view();
    }

    /** A copy, in creation order. */
    public List<User> users() {
        return reading(() -> List.copyOf(tables.users.view()));
    }

    public List<Group> groups() {
        return reading(() -> List.copyOf(tables.groups.view()));
    }

    public List<Device> devices() {
        return reading(() -> List.copyOf(tables.devices.view()));
    }

    public List<Application> applications() {
        return reading(() -> List.copyOf(tables.applications.view()));
    }

    public List<ServicePrincipal> servicePrincipals() {
        return reading(() -> List.copyOf(tables.servicePrincipals.view()));
    }

    /**
     * The collection sorted by the comparator, computed once per change of the directory; valid
     * while the caller holds {@link #read()}.
     *
     * @param key names the collection and the order, e.g. "users|displayName asc"
     */
    public List<?> sorted(String key, List<?> source, Comparator<Object> order) {
        return sortedCopies.get(key, source, order);
    }

    // ---- reads: single objects -------------------------------------------------------------------

    /** By object id or user principal name, ignoring case. */
    public Optional<User> user(String idOrUserPrincipalName) {
        return reading(() -> Optional.ofNullable(tables.user(idOrUserPrincipalName)));
    }

    public Optional<Group> group(String id) {
        return reading(() -> Optional.ofNullable(tables.groups.get(id)));
    }

    public Optional<Device> device(String id) {
        return reading(() -> Optional.ofNullable(tables.devices.get(id)));
    }

    public Optional<Application> application(String id) {
        return reading(() -> Optional.ofNullable(tables.applications.get(id)));
    }

    public Optional<Application> applicationByAppId(String appId) {
        return reading(() -> Optional.ofNullable(tables.applicationByAppId(appId)));
    }

    public Optional<ServicePrincipal> servicePrincipal(String id) {
        return reading(() -> Optional.ofNullable(tables.servicePrincipals.get(id)));
    }

    public Optional<ServicePrincipal> servicePrincipalByAppId(String appId) {
        return reading(() -> Optional.ofNullable(tables.servicePrincipalByAppId(appId)));
    }

    /** Any directory object by its object id. */
    public Optional<DirectoryObject> object(String id) {
        return reading(() -> Optional.ofNullable(tables.find(id)));
    }

    // ---- reads: relationships --------------------------------------------------------------------

    public Optional<User> manager(String userId) {
        return reading(() -> Optional.ofNullable(tables.users.get(relations.manager(userId))));
    }

    public List<User> directReports(String userId) {
        return reading(() -> tables.users.getAll(relations.directReports(userId)));
    }

    /** The group's direct members (users, groups, devices, service principals) in the order they were added. */
    public List<DirectoryObject> members(String groupId) {
        return reading(() -> tables.resolve(relations.members(groupId)));
    }

    public List<DirectoryObject> owners(String groupId) {
        return reading(() -> tables.resolve(relations.owners(groupId)));
    }

    /** The groups the object is a direct member of. */
    public List<Group> memberOf(String objectId) {
        return reading(() -> tables.groups.getAll(relations.memberOf(objectId)));
    }

    /** Members of the group and, through nested groups, of its member groups: each object once. */
    public List<DirectoryObject> transitiveMembers(String groupId) {
        return reading(() -> tables.resolve(relations.transitiveMembers(groupId, id -> tables.groups.get(id) != null)));
    }

    /** The groups the object is a member of, directly or through nested groups: each group once. */
    public List<Group> transitiveMemberOf(String objectId) {
        return reading(() -> tables.groups.getAll(relations.transitiveMemberOf(objectId)));
    }

    public boolean isMember(String groupId, String objectId) {
        return reading(() -> relations.isMember(groupId, objectId));
    }

    /** App roles granted to the principal (here: a service principal). */
    public List<AppRoleAssignment> appRoleAssignments(String principalId) {
        return reading(() -> relations.appRoleAssignments(principalId));
    }

    /** App roles granted on the resource service principal to others. */
    public List<AppRoleAssignment> appRoleAssignedTo(String resourceId) {
        return reading(() -> relations.appRoleAssignedTo(resourceId));
    }

    // ---- writes: objects -------------------------------------------------------------------------

    /** Replaces every user; relationships of users that are gone are dropped. */
    public void replaceUsers(Collection<User> newUsers) {
        change(() -> tables.replaceUsers(newUsers).forEach(relations::drop));
    }

    /** @throws IllegalArgumentException when the id or the user principal name is taken */
    public void addUser(User user) {
        change(() -> tables.addUser(user));
    }

    public void replaceUser(User user) {
        change(() -> tables.replaceUser(user));
    }

    public boolean removeUser(String id) {
        return writing(() -> tables.removeUser(id) != null && dropped(id));
    }

    public void addGroup(Group group) {
        change(() -> tables.addGroup(group));
    }

    public void replaceGroup(Group group) {
        change(() -> {
            ObjectTables.requireNonNull(tables.groups.get(group.id()), group.id());
            tables.groups.replace(group);
        });
    }

    public boolean removeGroup(String id) {
        return writing(() -> tables.groups.remove(id) != null && dropped(id));
    }

    public void addDevice(Device device) {
        change(() -> tables.addDevice(device));
    }

    /** Adds the application, or replaces the one with the same object id. */
    public void putApplication(Application application) {
        change(() -> tables.putApplication(application));
    }

    /** Removes the application and, as Entra does in the app's home tenant, its service principal. */
    public boolean removeApplication(String id) {
        return writing(() -> {
            Application old = tables.removeApplication(id);
            if (old == null) {
                return false;
            }
            ServicePrincipal principal = tables.servicePrincipalByAppId(old.appId());
            if (principal != null) {
                removeServicePrincipal(principal.id());
            }
            return dropped(id);
        });
    }

    /** Adds the service principal, or replaces the one with the same object id. */
    public void putServicePrincipal(ServicePrincipal principal) {
        change(() -> tables.putServicePrincipal(principal));
    }

    public boolean removeServicePrincipal(String id) {
        return writing(() -> tables.removeServicePrincipal(id) != null && dropped(id));
    }

    // ---- writes: relationships -------------------------------------------------------------------

    /** Sets (or, with null, clears) the user's manager. */
    public void setManager(String userId, String managerId) {
        change(() -> {
            ObjectTables.requireNonNull(tables.users.get(userId), userId);
            relations.clearManager(userId);
            if (managerId != null) {
                ObjectTables.requireNonNull(tables.users.get(managerId), managerId);
                if (Relations.key(managerId).equals(Relations.key(userId))) {
                    throw new IllegalArgumentException("a user cannot be their own manager");
                }
                relations.setManager(userId, managerId);
            }
        });
    }

    /**
     * @return false when the object already was a member
     * @throws IllegalArgumentException when the group or the object does not exist, or they are the same
     */
    public boolean addMember(String groupId, String objectId) {
        return writing(() -> {
            ObjectTables.requireNonNull(tables.groups.get(groupId), groupId);
            ObjectTables.requireNonNull(tables.find(objectId), objectId);
            if (Relations.key(groupId).equals(Relations.key(objectId))) {
                throw new IllegalArgumentException("a group cannot be a member of itself");
            }
            return changedIf(relations.addMember(groupId, objectId));
        });
    }

    /** Adds many members at once, without the per-call checks: for seeding large groups. */
    public void addMembers(String groupId, Collection<String> objectIds) {
        change(() -> {
            ObjectTables.requireNonNull(tables.groups.get(groupId), groupId);
            relations.addMembers(groupId, objectIds);
        });
    }

    /** @return false when the object was not a member */
    public boolean removeMember(String groupId, String objectId) {
        return writing(() -> changedIf(relations.removeMember(groupId, objectId)));
    }

    /** @return false when the object already was an owner */
    public boolean addOwner(String groupId, String objectId) {
        return writing(() -> {
            ObjectTables.requireNonNull(tables.groups.get(groupId), groupId);
            ObjectTables.requireNonNull(tables.find(objectId), objectId);
            return changedIf(relations.addOwner(groupId, objectId));
        });
    }

    public boolean removeOwner(String groupId, String objectId) {
        return writing(() -> changedIf(relations.removeOwner(groupId, objectId)));
    }

    /** Replaces the app roles granted to the principal. */
    public void setAppRoleAssignments(String principalId, List<AppRoleAssignment> assignments) {
        change(() -> relations.setAppRoleAssignments(principalId, assignments));
    }

    // ---- internals -------------------------------------------------------------------------------

    private <T> T reading(Supplier<T> read) {
        try (Held held = read()) {
            return read.get();
        }
    }

    private <T> T writing(Supplier<T> write) {
        try (Held held = write()) {
            return write.get();
        }
    }

    /** Makes the change under the write lock; unless it throws, the directory has changed. */
    private void change(Runnable change) {
        try (Held held = write()) {
            change.run();
            changed();
        }
    }

    /** After an object was removed: its relationships go, and the directory has changed. */
    private boolean dropped(String id) {
        relations.drop(id);
        changed();
        return true;
    }

    private void changed() {
        sortedCopies.changed();
    }

    private boolean changedIf(boolean changed) {
        if (changed) {
            changed();
        }
        return changed;
    }

    /** For diagnostics: sizes of the collections. */
    @Override
    public String toString() {
        try (Held held = read()) {
            return "TenantObjects[" + tenantId + ": " + tables.users.size() + " users, " + tables.groups.size()
                    + " groups, " + tables.devices.size() + " devices, " + tables.applications.size()
                    + " applications, " + tables.servicePrincipals.size() + " service principals]";
        }
    }
}

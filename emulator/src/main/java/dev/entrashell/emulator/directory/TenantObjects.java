package dev.entrashell.emulator.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One tenant's directory objects as Graph serves them: users, groups, devices, applications and
 * service principals, and the relationships between them (manager, group members and owners, app
 * role assignments), kept consistent in both directions.
 *
 * <p>Thread-safe: every method takes the tenant's read or write lock. A reader that needs several
 * calls to see one consistent state (a page of a listing) holds {@link #read()} around them; the
 * {@code ...View()} lists are valid only while it does.
 */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
public final class TenantObjects {
    private final String tenantId;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final ObjectTable<User> users = new ObjectTable<>();
    private final ObjectTable<Group> groups = new ObjectTable<>();
    private final ObjectTable<Device> devices = new ObjectTable<>();
    private final ObjectTable<Application> applications = new ObjectTable<>();
    private final ObjectTable<ServicePrincipal> servicePrincipals = new ObjectTable<>();
    private final Map<String, User> usersByPrincipalName = new HashMap<>();
    private final Map<String, Application> applicationsByAppId = new HashMap<>();
    private final Map<String, ServicePrincipal> servicePrincipalsByAppId = new HashMap<>();

    private final Relations relations = new Relations();

    private final RegisteredApps registeredApps = new RegisteredApps();

    /** Sorted copies of collections, dropped on every write. */
    private final Map<String, List<?>> sortedCache = new ConcurrentHashMap<>();

    private long version;

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
        addFirstPartyServicePrincipals();
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
        return users.view();
    }

    public List<Group> groupsView() {
        return groups.view();
    }

    public List<Device> devicesView() {
        return devices.view();
    }

    public List<Application> applicationsView() {
        return applications.view();
    }

    public List<ServicePrincipal> servicePrincipalsView() {
        return servicePrincipals.view();
    }

    /** A copy, in creation order. */
    public List<User> users() {
        try (Held held = read()) {
            return List.copyOf(users.view());
        }
    }

    public List<Group> groups() {
        try (Held held = read()) {
            return List.copyOf(groups.view());
        }
    }

    public List<Device> devices() {
        try (Held held = read()) {
            return List.copyOf(devices.view());
        }
    }

    public List<Application> applications() {
        try (Held held = read()) {
            return List.copyOf(applications.view());
        }
    }

    public List<ServicePrincipal> servicePrincipals() {
        try (Held held = read()) {
            return List.copyOf(servicePrincipals.view());
        }
    }

    /**
     * The collection sorted by the comparator, computed once per change of the directory; valid
     * while the caller holds {@link #read()}.
     *
     * @param key names the collection and the order, e.g. "users|displayName asc"
     */
    public List<?> sorted(String key, List<?> source, Comparator<Object> order) {
        return sortedCache.computeIfAbsent(version + "|" + key, k -> {
            List<Object> copy = new ArrayList<>(source);
            copy.sort(order);
            return Collections.unmodifiableList(copy);
        });
    }

    // ---- reads: single objects -------------------------------------------------------------------

    /** By object id or user principal name, ignoring case. */
    public Optional<User> user(String idOrUserPrincipalName) {
        try (Held held = read()) {
            if (idOrUserPrincipalName == null) {
                return Optional.empty();
            }
            User byId = users.get(idOrUserPrincipalName);
            return Optional.ofNullable(
                    byId != null ? byId : usersByPrincipalName.get(idOrUserPrincipalName.toLowerCase(Locale.ROOT)));
        }
    }

    public Optional<Group> group(String id) {
        try (Held held = read()) {
            return Optional.ofNullable(groups.get(id));
        }
    }

    public Optional<Device> device(String id) {
        try (Held held = read()) {
            return Optional.ofNullable(devices.get(id));
        }
    }

    public Optional<Application> application(String id) {
        try (Held held = read()) {
            return Optional.ofNullable(applications.get(id));
        }
    }

    public Optional<Application> applicationByAppId(String appId) {
        try (Held held = read()) {
            return Optional.ofNullable(appId == null ? null : applicationsByAppId.get(appId.toLowerCase(Locale.ROOT)));
        }
    }

    public Optional<ServicePrincipal> servicePrincipal(String id) {
        try (Held held = read()) {
            return Optional.ofNullable(servicePrincipals.get(id));
        }
    }

    public Optional<ServicePrincipal> servicePrincipalByAppId(String appId) {
        try (Held held = read()) {
            return Optional.ofNullable(
                    appId == null ? null : servicePrincipalsByAppId.get(appId.toLowerCase(Locale.ROOT)));
        }
    }

    /** Any directory object by its object id. */
    public Optional<DirectoryObject> object(String id) {
        try (Held held = read()) {
            return Optional.ofNullable(find(id));
        }
    }

    // ---- reads: relationships --------------------------------------------------------------------

    public Optional<User> manager(String userId) {
        try (Held held = read()) {
            String managerId = relations.manager(userId);
            return Optional.ofNullable(managerId == null ? null : users.get(managerId));
        }
    }

    public List<User> directReports(String userId) {
        try (Held held = read()) {
            List<User> reports = new ArrayList<>();
            for (String id : relations.directReports(userId)) {
                reports.add(users.get(id));
            }
            return reports;
        }
    }

    /** The group's direct members (users, groups, devices, service principals) in the order they were added. */
    public List<DirectoryObject> members(String groupId) {
        try (Held held = read()) {
            return resolve(relations.members(groupId));
        }
    }

    public List<DirectoryObject> owners(String groupId) {
        try (Held held = read()) {
            return resolve(relations.owners(groupId));
        }
    }

    /** The groups the object is a direct member of. */
    public List<Group> memberOf(String objectId) {
        try (Held held = read()) {
            return groupsOf(relations.memberOf(objectId));
        }
    }

    /** Members of the group and, through nested groups, of its member groups: each object once. */
    public List<DirectoryObject> transitiveMembers(String groupId) {
        try (Held held = read()) {
            return resolve(relations.transitiveMembers(groupId, id -> groups.get(id) != null));
        }
    }

    /** The groups the object is a member of, directly or through nested groups: each group once. */
    public List<Group> transitiveMemberOf(String objectId) {
        try (Held held = read()) {
            return groupsOf(relations.transitiveMemberOf(objectId));
        }
    }

    public boolean isMember(String groupId, String objectId) {
        try (Held held = read()) {
            return relations.isMember(groupId, objectId);
        }
    }

    /** App roles granted to the principal (here: a service principal). */
    public List<AppRoleAssignment> appRoleAssignments(String principalId) {
        try (Held held = read()) {
            return relations.appRoleAssignments(principalId);
        }
    }

    /** App roles granted on the resource service principal to others. */
    public List<AppRoleAssignment> appRoleAssignedTo(String resourceId) {
        try (Held held = read()) {
            return relations.appRoleAssignedTo(resourceId);
        }
    }

    // ---- writes: objects -------------------------------------------------------------------------

    /** Replaces every user; relationships of users that are gone are dropped. */
    public void replaceUsers(Collection<User> newUsers) {
        try (Held held = write()) {
            Set<String> old = new HashSet<>();
            users.view().forEach(user -> old.add(key(user.id())));
            users.clear();
            usersByPrincipalName.clear();
            users.ensureCapacity(newUsers.size());
            for (User user : newUsers) {
                users.add(user);
                usersByPrincipalName.put(user.userPrincipalName().toLowerCase(Locale.ROOT), user);
                old.remove(key(user.id()));
            }
            old.forEach(relations::drop);
            changed();
        }
    }

    /**
     * @throws IllegalArgumentException when the id or the user principal name is taken
     */
    public void addUser(User user) {
        try (Held held = write()) {
            String upn = user.userPrincipalName().toLowerCase(Locale.ROOT);
            if (usersByPrincipalName.containsKey(upn) || find(user.id()) != null) {
                throw new IllegalArgumentException("user already exists: " + user.userPrincipalName());
            }
            users.add(user);
            usersByPrincipalName.put(upn, user);
            changed();
        }
    }

    public void replaceUser(User user) {
        try (Held held = write()) {
            User old = requireNonNull(users.get(user.id()), user.id());
            String oldUpn = old.userPrincipalName().toLowerCase(Locale.ROOT);
            String newUpn = user.userPrincipalName().toLowerCase(Locale.ROOT);
            User holder = usersByPrincipalName.get(newUpn);
            if (holder != null && !holder.id().equalsIgnoreCase(user.id())) {
                throw new IllegalArgumentException("user principal name taken: " + user.userPrincipalName());
            }
            usersByPrincipalName.remove(oldUpn);
            usersByPrincipalName.put(newUpn, user);
            users.replace(user);
            changed();
        }
    }

    public boolean removeUser(String id) {
        try (Held held = write()) {
            User old = users.remove(id);
            if (old == null) {
                return false;
            }
            usersByPrincipalName.remove(old.userPrincipalName().toLowerCase(Locale.ROOT));
            relations.drop(id);
            changed();
            return true;
        }
    }

    public void addGroup(Group group) {
        try (Held held = write()) {
            if (find(group.id()) != null) {
                throw new IllegalArgumentException("object already exists: " + group.id());
            }
            groups.add(group);
            changed();
        }
    }

    public void replaceGroup(Group group) {
        try (Held held = write()) {
            requireNonNull(groups.get(group.id()), group.id());
            groups.replace(group);
            changed();
        }
    }

    public boolean removeGroup(String id) {
        try (Held held = write()) {
            if (groups.remove(id) == null) {
                return false;
            }
            relations.drop(id);
            changed();
            return true;
        }
    }

    public void addDevice(Device device) {
        try (Held held = write()) {
            if (find(device.id()) != null) {
                throw new IllegalArgumentException("object already exists: " + device.id());
            }
            devices.add(device);
            changed();
        }
    }

    /** Adds the application, or replaces the one with the same object id. */
    public void putApplication(Application application) {
        try (Held held = write()) {
            Application old = applications.get(application.id());
            Application sameAppId = applicationsByAppId.get(application.appId().toLowerCase(Locale.ROOT));
            if (sameAppId != null && sameAppId != old) {
                throw new IllegalArgumentException("another application has appId " + application.appId());
            }
            if (old == null) {
                if (find(application.id()) != null) {
                    throw new IllegalArgumentException("object already exists: " + application.id());
                }
                applications.add(application);
            } else {
                applicationsByAppId.remove(old.appId().toLowerCase(Locale.ROOT));
                applications.replace(application);
            }
            applicationsByAppId.put(application.appId().toLowerCase(Locale.ROOT), application);
            changed();
        }
    }

    /** Removes the application and, as Entra does in the app's home tenant, its service principal. */
    public boolean removeApplication(String id) {
        try (Held held = write()) {
            Application old = applications.remove(id);
            if (old == null) {
                return false;
            }
            applicationsByAppId.remove(old.appId().toLowerCase(Locale.ROOT));
            registeredApps.forget(old.appId());
            ServicePrincipal principal =
                    servicePrincipalsByAppId.get(old.appId().toLowerCase(Locale.ROOT));
            if (principal != null) {
                removeServicePrincipal(principal.id());
            }
            relations.drop(id);
            changed();
            return true;
        }
    }

    /** Adds the service principal, or replaces the one with the same object id. */
    public void putServicePrincipal(ServicePrincipal principal) {
        try (Held held = write()) {
            ServicePrincipal old = servicePrincipals.get(principal.id());
            if (old == null) {
                if (find(principal.id()) != null) {
                    throw new IllegalArgumentException("object already exists: " + principal.id());
                }
                servicePrincipals.add(principal);
            } else {
                servicePrincipalsByAppId.remove(old.appId().toLowerCase(Locale.ROOT));
                servicePrincipals.replace(principal);
            }
            servicePrincipalsByAppId.put(principal.appId().toLowerCase(Locale.ROOT), principal);
            changed();
        }
    }

    public boolean removeServicePrincipal(String id) {
        try (Held held = write()) {
            ServicePrincipal old = servicePrincipals.remove(id);
            if (old == null) {
                return false;
            }
            servicePrincipalsByAppId.remove(old.appId().toLowerCase(Locale.ROOT));
            relations.drop(id);
            changed();
            return true;
        }
    }

    // ---- writes: relationships -------------------------------------------------------------------

    /** Sets (or, with null, clears) the user's manager. */
    public void setManager(String userId, String managerId) {
        try (Held held = write()) {
            requireNonNull(users.get(userId), userId);
            relations.clearManager(userId);
            if (managerId != null) {
                requireNonNull(users.get(managerId), managerId);
                if (key(managerId).equals(key(userId))) {
                    throw new IllegalArgumentException("a user cannot be their own manager");
                }
                relations.setManager(userId, managerId);
            }
            changed();
        }
    }

    /**
     * @return false when the object already was a member
     * @throws IllegalArgumentException when the group or the object does not exist, or they are the same
     */
    public boolean addMember(String groupId, String objectId) {
        try (Held held = write()) {
            requireNonNull(groups.get(groupId), groupId);
            requireNonNull(find(objectId), objectId);
            if (key(groupId).equals(key(objectId))) {
                throw new IllegalArgumentException("a group cannot be a member of itself");
            }
            return changedIf(relations.addMember(groupId, objectId));
        }
    }

    /** Adds many members at once, without the per-call checks: for seeding large groups. */
    public void addMembers(String groupId, Collection<String> objectIds) {
        try (Held held = write()) {
            requireNonNull(groups.get(groupId), groupId);
            relations.addMembers(groupId, objectIds);
            changed();
        }
    }

    /** @return false when the object was not a member */
    public boolean removeMember(String groupId, String objectId) {
        try (Held held = write()) {
            return changedIf(relations.removeMember(groupId, objectId));
        }
    }

    /** @return false when the object already was an owner */
    public boolean addOwner(String groupId, String objectId) {
        try (Held held = write()) {
            requireNonNull(groups.get(groupId), groupId);
            requireNonNull(find(objectId), objectId);
            return changedIf(relations.addOwner(groupId, objectId));
        }
    }

    public boolean removeOwner(String groupId, String objectId) {
        try (Held held = write()) {
            return changedIf(relations.removeOwner(groupId, objectId));
        }
    }

    /** Replaces the app roles granted to the principal. */
    public void setAppRoleAssignments(String principalId, List<AppRoleAssignment> assignments) {
        try (Held held = write()) {
            relations.setAppRoleAssignments(principalId, assignments);
            changed();
        }
    }

    // ---- app registrations (the token endpoint's view of apps) -----------------------------------

    /**
     * Makes the Graph objects of a registered app match the registration: its application object
     * and service principal (created when missing), their certificate and secret credentials,
     * and the Microsoft Graph app roles granted to it. Properties set through Graph (description,
     * tags, notes) are kept.
     */
    public void syncRegistration(AppRegistration registration, Instant now) {
        try (Held held = write()) {
            registeredApps.sync(this, registration, now);
        }
    }

    /** Removes a registered app's application object and service principal. */
    public void removeRegistration(String clientId) {
        try (Held held = write()) {
            Application application = applicationsByAppId.get(clientId.toLowerCase(Locale.ROOT));
            if (application != null) {
                removeApplication(application.id());
            }
            ServicePrincipal principal = servicePrincipalsByAppId.get(clientId.toLowerCase(Locale.ROOT));
            if (principal != null) {
                removeServicePrincipal(principal.id());
            }
            registeredApps.forget(clientId);
        }
    }

    /** Remembers how Graph shows a registered app's secret (before the registration gets it). */
    public void describeSecret(String clientId, String secret, PasswordCredential credential) {
        try (Held held = write()) {
            registeredApps.describeSecret(clientId, secret, credential);
        }
    }

    /** The registered app's secret with this key id, if the app has one. */
    public Optional<String> secretWithKeyId(String clientId, String keyId) {
        try (Held held = read()) {
            return registeredApps.secretWithKeyId(clientId, keyId);
        }
    }

    // ---- internals -------------------------------------------------------------------------------

    private void addFirstPartyServicePrincipals() {
        addFirstParty(
                FirstPartyApis.MICROSOFT_GRAPH_APP_ID,
                FirstPartyApis.MICROSOFT_GRAPH_NAME,
                List.of(
                        FirstPartyApis.MICROSOFT_GRAPH_APP_ID,
                        "https://graph.microsoft.com",
                        "https://graph.microsoft.com/",
                        "https://canary.graph.microsoft.com"),
                FirstPartyApis.MICROSOFT_GRAPH_ROLES);
        addFirstParty(
                FirstPartyApis.EXCHANGE_ONLINE_APP_ID,
                FirstPartyApis.EXCHANGE_ONLINE_NAME,
                List.of(
                        FirstPartyApis.EXCHANGE_ONLINE_APP_ID,
                        "https://outlook.office365.com/",
                        "https://outlook.office.com"),
                FirstPartyApis.EXCHANGE_ONLINE_ROLES);
        version = 0;
        sortedCache.clear();
    }

    private void addFirstParty(String appId, String name, List<String> names, List<AppRole> roles) {
        putServicePrincipal(new ServicePrincipal(
                Guids.fromName(tenantId + "/servicePrincipals/" + appId),
                appId,
                name,
                name,
                FirstPartyApis.MICROSOFT_TENANT_ID,
                true,
                "Application",
                "AzureADMultipleOrgs",
                names,
                List.of(),
                roles,
                List.of(),
                List.of()));
    }

    private DirectoryObject find(String id) {
        if (id == null) {
            return null;
        }
        DirectoryObject found = users.get(id);
        if (found == null) {
            found = groups.get(id);
        }
        if (found == null) {
            found = servicePrincipals.get(id);
        }
        if (found == null) {
            found = devices.get(id);
        }
        if (found == null) {
            found = applications.get(id);
        }
        return found;
    }

    private List<DirectoryObject> resolve(Collection<String> ids) {
        List<DirectoryObject> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            DirectoryObject object = find(id);
            if (object != null) {
                result.add(object);
            }
        }
        return result;
    }

    private void changed() {
        version++;
        sortedCache.clear();
    }

    private boolean changedIf(boolean changed) {
        if (changed) {
            changed();
        }
        return changed;
    }

    private List<Group> groupsOf(Collection<String> ids) {
        List<Group> result = new ArrayList<>(ids.size());
        ids.forEach(id -> result.add(groups.get(id)));
        return result;
    }

    private static <T> T requireNonNull(T value, String id) {
        if (value == null) {
            throw new IllegalArgumentException("no such object: " + id);
        }
        return value;
    }

    private static String key(String id) {
        return Relations.key(id);
    }

    /** For diagnostics: sizes of the collections. */
    @Override
    public String toString() {
        try (Held held = read()) {
            return "TenantObjects[" + tenantId + ": " + users.size() + " users, " + groups.size() + " groups, "
                    + devices.size() + " devices, " + applications.size() + " applications, "
                    + servicePrincipals.size() + " service principals]";
        }
    }
}

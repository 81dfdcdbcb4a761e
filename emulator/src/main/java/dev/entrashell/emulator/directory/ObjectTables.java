package dev.entrashell.emulator.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's directory objects, one table per kind, with the indexes they are looked up by (user
 * principal name, appId, ignoring case) and the rule that an object id is unique across kinds. Not
 * thread-safe: {@link TenantObjects} guards it with its lock.
 */
final class ObjectTables {
    final ObjectTable<User> users = new ObjectTable<>();
    final ObjectTable<Group> groups = new ObjectTable<>();
    final ObjectTable<Device> devices = new ObjectTable<>();
    final ObjectTable<Application> applications = new ObjectTable<>();
    final ObjectTable<ServicePrincipal> servicePrincipals = new ObjectTable<>();
    private final Map<String, User> usersByPrincipalName = new HashMap<>();
    private final Map<String, Application> applicationsByAppId = new HashMap<>();
    private final Map<String, ServicePrincipal> servicePrincipalsByAppId = new HashMap<>();

    /** By object id or user principal name, ignoring case; null when there is none. */
    User user(String idOrUserPrincipalName) {
        if (idOrUserPrincipalName == null) {
            return null;
        }
        User byId = users.get(idOrUserPrincipalName);
        return byId != null ? byId : usersByPrincipalName.get(lower(idOrUserPrincipalName));
    }

    Application applicationByAppId(String appId) {
        return appId == null ? null : applicationsByAppId.get(lower(appId));
    }

    ServicePrincipal servicePrincipalByAppId(String appId) {
        return appId == null ? null : servicePrincipalsByAppId.get(lower(appId));
    }

    /** Replaces every user; returns the keys ({@link Relations#key}) of the users that are gone. */
    Set<String> replaceUsers(Collection<User> newUsers) {
        Set<String> old = new HashSet<>();
        users.view().forEach(user -> old.add(Relations.key(user.id())));
        users.clear();
        usersByPrincipalName.clear();
        users.ensureCapacity(newUsers.size());
        for (User user : newUsers) {
            users.add(user);
            usersByPrincipalName.put(lower(user.userPrincipalName()), user);
            old.remove(Relations.key(user.id()));
        }
        return old;
    }

    /** @throws IllegalArgumentException when the id or the user principal name is taken */
    void addUser(User user) {
        String upn = lower(user.userPrincipalName());
        if (usersByPrincipalName.containsKey(upn) || find(user.id()) != null) {
            throw new IllegalArgumentException("user already exists: " + user.userPrincipalName());
        }
        users.add(user);
        usersByPrincipalName.put(upn, user);
    }

    void replaceUser(User user) {
        User old = requireNonNull(users.get(user.id()), user.id());
        String oldUpn = lower(old.userPrincipalName());
        String newUpn = lower(user.userPrincipalName());
        User holder = usersByPrincipalName.get(newUpn);
        if (holder != null && !holder.id().equalsIgnoreCase(user.id())) {
            throw new IllegalArgumentException("user principal name taken: " + user.userPrincipalName());
        }
        usersByPrincipalName.remove(oldUpn);
        usersByPrincipalName.put(newUpn, user);
        users.replace(user);
    }

    /** @return the removed user, or null when there was none */
    User removeUser(String id) {
        User old = users.remove(id);
        if (old != null) {
            usersByPrincipalName.remove(lower(old.userPrincipalName()));
        }
        return old;
    }

    void addGroup(Group group) {
        requireNew(group.id());
        groups.add(group);
    }

    void addDevice(Device device) {
        requireNew(device.id());
        devices.add(device);
    }

    /** Adds the application, or replaces the one with the same object id. */
    void putApplication(Application application) {
        Application old = applications.get(application.id());
        Application sameAppId = applicationsByAppId.get(lower(application.appId()));
        if (sameAppId != null && sameAppId != old) {
            throw new IllegalArgumentException("another application has appId " + application.appId());
        }
        if (old == null) {
            requireNew(application.id());
            applications.add(application);
        } else {
            applicationsByAppId.remove(lower(old.appId()));
            applications.replace(application);
        }
        applicationsByAppId.put(lower(application.appId()), application);
    }

    /** @return the removed application, or null when there was none */
    Application removeApplication(String id) {
        Application old = applications.remove(id);
        if (old != null) {
            applicationsByAppId.remove(lower(old.appId()));
        }
        return old;
    }

    /** Adds the service principal, or replaces the one with the same object id. */
    void putServicePrincipal(ServicePrincipal principal) {
        ServicePrincipal old = servicePrincipals.get(principal.id());
        if (old == null) {
            requireNew(principal.id());
            servicePrincipals.add(principal);
        } else {
            servicePrincipalsByAppId.remove(lower(old.appId()));
            servicePrincipals.replace(principal);
        }
        servicePrincipalsByAppId.put(lower(principal.appId()), principal);
    }

    /** @return the removed service principal, or null when there was none */
    ServicePrincipal removeServicePrincipal(String id) {
        ServicePrincipal old = servicePrincipals.remove(id);
        if (old != null) {
            servicePrincipalsByAppId.remove(lower(old.appId()));
        }
        return old;
    }

    /** Any directory object by its object id, or null. */
    DirectoryObject find(String id) {
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

    /** The objects with these ids, in this order; ids of objects that are gone are left out. */
    List<DirectoryObject> resolve(Collection<String> ids) {
        List<DirectoryObject> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            DirectoryObject object = find(id);
            if (object != null) {
                result.add(object);
            }
        }
        return result;
    }

    static <T> T requireNonNull(T value, String id) {
        if (value == null) {
            throw new IllegalArgumentException("no such object: " + id);
        }
        return value;
    }

    private void requireNew(String id) {
        if (find(id) != null) {
            throw new IllegalArgumentException("object already exists: " + id);
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

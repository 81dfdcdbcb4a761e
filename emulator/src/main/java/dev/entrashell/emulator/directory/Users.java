package dev.entrashell.emulator.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A tenant's users, in a fixed order (the paging order), indexed by id and by user principal name. */
public final class Users {
    private static final Users NONE = new Users(List.of());

    private final List<User> all;
    private final Map<String, User> byKey;

    public Users(List<User> users) {
        this.all = List.copyOf(users);
        this.byKey = new HashMap<>(users.size() * 4);
        for (User user : all) {
            byKey.put(user.id().toLowerCase(Locale.ROOT), user);
            byKey.put(user.userPrincipalName().toLowerCase(Locale.ROOT), user);
        }
    }

    public static Users none() {
        return NONE;
    }

    public List<User> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** Graph's {@code /users/{id | userPrincipalName}}: both compare case-insensitively. */
    public Optional<User> findByIdOrUserPrincipalName(String key) {
        return Optional.ofNullable(byKey.get(key.toLowerCase(Locale.ROOT)));
    }
}

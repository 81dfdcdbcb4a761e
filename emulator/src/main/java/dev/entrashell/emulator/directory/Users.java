package dev.entrashell.emulator.directory;

import java.util.List;

/** A tenant's users, in a fixed order (the paging order). */
public final class Users {
    private static final Users NONE = new Users(List.of());

    private final List<User> all;

    public Users(List<User> users) {
        this.all = List.copyOf(users);
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
}

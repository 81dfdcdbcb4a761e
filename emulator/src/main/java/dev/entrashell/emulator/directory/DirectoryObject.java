package dev.entrashell.emulator.directory;

/**
 * Anything in a tenant's directory that has an object id: users, groups, devices, applications
 * and service principals, the members of Graph's {@code directoryObject} collections.
 */
public interface DirectoryObject {
    /** The object id, a lower-case GUID. */
    String id();

    /** A name for people: the display name. */
    String displayName();
}

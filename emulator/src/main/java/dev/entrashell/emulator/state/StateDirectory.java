package dev.entrashell.emulator.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The folder where the emulator keeps what must survive a restart. It holds private keys and a
 * client secret, so the folder is created owner-only and every file is written owner-only (0600)
 * from the moment it exists, where the file system has POSIX permissions.
 */
public final class StateDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private final boolean posix;

    private StateDirectory(Path root, boolean posix) {
        this.root = root;
        this.posix = posix;
    }

    public static StateDirectory open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath();
        boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(absolute)) {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try {
                if (posix) {
                    Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                } else {
                    Files.createDirectory(absolute);
                }
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(absolute)) {
                    throw new IOException("state directory " + absolute + " exists and is not a directory", e);
                }
            }
        }
        return new StateDirectory(absolute, posix);
    }

    public Path root() {
        return root;
    }

    public Path path(String name) {
        return root.resolve(name);
    }

    public boolean exists(String name) {
        return Files.isRegularFile(path(name));
    }

    public byte[] readBytes(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    public String readString(String name) throws IOException {
        return Files.readString(path(name), StandardCharsets.UTF_8);
    }

    public Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes through a temporary owner-only file and a rename, so a reader never sees half a file. */
    public Path write(String name, byte[] content) throws IOException {
        Path target = path(name);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(root, "." + name, ".tmp", attributes);
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }
}

package dev.entrashell.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Creates folders and files that only their owner can read: settings, history and certificates live
 * here, and history or a certificate store readable by other users would leak. On file systems without
 * POSIX permissions (Windows) the user's profile folder already has owner-only ACLs.
 */
public final class PrivateFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates the folder and any missing parents; the folders it creates are owner-only. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        Files.createDirectory(absolute);
        restrict(absolute, DIRECTORY);
        return absolute;
    }

    /**
     * Makes an existing folder of the user's owner-only, when others could read or enter it; returns the
     * mode it had. A folder owned by someone else (such as /tmp) is left alone: it is shared on purpose.
     */
    public static Optional<String> restrictExistingDirectory(Path dir) throws IOException {
        if (!POSIX || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        if (mode.equals(DIRECTORY) || !Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        Set<PosixFilePermission> owner = EnumSet.copyOf(mode);
        owner.retainAll(DIRECTORY);
        if (owner.equals(mode)) {
            return Optional.empty(); // already closed to others (e.g. r-x------)
        }
        Files.setPosixFilePermissions(dir, owner);
        return Optional.of(PosixFilePermissions.toString(mode));
    }

    /** Creates an empty owner-only file if there is none, and makes an existing one owner-only. */
    public static Path touch(Path file) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        restrict(file, FILE);
        return file;
    }

    /** Replaces the file's content atomically, so a crash never leaves half a settings file. */
    public static void write(Path file, byte[] content) throws IOException {
        Path dir = createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(dir, ".tmp-", ".part");
        try {
            restrict(temp, FILE);
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}

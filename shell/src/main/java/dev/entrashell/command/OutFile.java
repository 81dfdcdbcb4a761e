package dev.entrashell.command;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import dev.entrashell.errors.ShellException;
import dev.entrashell.output.FailFastOutputStream;

/**
 * A user's {@code --out} file, written whole or not at all. The content goes to a hidden file beside it
 * ({@code .users.csv.1234.partial}, in the same folder so that the rename is atomic), which becomes the
 * file only once everything is written: a run that fails or is interrupted leaves nothing under the
 * final name (an existing file stays as it was) and deletes what it wrote, so a partial export never
 * passes for a complete one. Devices and pipes ({@code /dev/stdout}, {@code >(gzip > users.gz)}) are
 * written straight: there is nothing to rename.
 */
final class OutFile {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Who may read a new file (POSIX only; an existing file keeps its mode). */
    enum Readers {
        /** Exported data, which may hold directory data: 0600. */
        OWNER(PosixFilePermissions.fromString("rw-------")),
        /** A public certificate, written to be uploaded: 0644. */
        EVERYONE(PosixFilePermissions.fromString("rw-r--r--"));

        private final Set<PosixFilePermission> mode;

        Readers(Set<PosixFilePermission> mode) {
            this.mode = mode;
        }
    }

    private final Path file;
    private final Path partial;
    private final boolean force;
    private final Readers readers;
    private final FailFastOutputStream stream;
    private boolean closed;
    private boolean committed;

    private OutFile(Path file, Path partial, boolean force, Readers readers, FailFastOutputStream stream) {
        this.file = file;
        this.partial = partial;
        this.force = force;
        this.readers = readers;
        this.stream = stream;
    }

    /** Starts writing; nothing appears under the file's name before {@link #commit()}. */
    static OutFile begin(Path file, boolean force, Readers readers) {
        refuseToReplace(file, force);
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                return new OutFile(file, null, force, readers, stream(file, Files.newOutputStream(file)));
            }
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                throw ShellException.usage("--out " + file + ": the folder " + folder + " does not exist.");
            }
            // createTempFile makes it owner-only on POSIX: nobody else can read it while it fills
            Path partial = Files.createTempFile(folder, "." + file.getFileName() + ".", ".partial");
            return new OutFile(
                    file,
                    partial,
                    force,
                    readers,
                    stream(file, Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)));
        } catch (IOException e) {
            throw new ShellException("Cannot write --out " + file + ": " + e.getMessage(), e);
        }
    }

    /** An {@code --out} file is never silently replaced, nor a folder taken for one; a device is written to. */
    static void refuseToReplace(Path file, boolean force) {
        if (Files.isDirectory(file)) {
            throw ShellException.usage("--out " + file + " is a folder; give a file name.");
        }
        if (Files.isRegularFile(file) && !force) {
            throw ShellException.usage("--out " + file + " exists; add --force to replace it.");
        }
    }

    private static FailFastOutputStream stream(Path file, OutputStream raw) {
        return new FailFastOutputStream(raw, "--out " + file);
    }

    /** Where the content goes; its write failures are thrown, not swallowed. */
    FailFastOutputStream stream() {
        return stream;
    }

    Path file() {
        return file;
    }

    /**
     * Everything is written: closes the stream, which may still fail (a full disk), then the file appears,
     * with the mode of the file it replaces or the one for its readers. On failure, as {@link #abandon()}.
     */
    void commit() {
        try {
            closed = true;
            stream.close();
            if (partial != null) {
                refuseToReplace(file, force); // again: a file may have appeared while the data came
                if (POSIX) {
                    Files.setPosixFilePermissions(
                            partial, Files.exists(file) ? Files.getPosixFilePermissions(file) : readers.mode);
                }
                move();
            }
            committed = true;
        } catch (IOException e) {
            throw new ShellException("Cannot write --out " + file + ": " + e.getMessage(), e);
        } finally {
            if (!committed) {
                abandon();
            }
        }
    }

    private void move() throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            if (force) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(partial, file);
            }
        }
    }

    /** The run failed: whatever was written goes, and the file's name keeps what it had (or nothing). */
    void abandon() {
        if (committed) {
            return;
        }
        if (!closed) {
            closed = true;
            try {
                stream.close();
            } catch (RuntimeException alreadyFailing) {
                // the failure that stopped the run is the one to report
            }
        }
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a hidden .partial file left behind is untidy, not misleading
            }
        }
    }
}

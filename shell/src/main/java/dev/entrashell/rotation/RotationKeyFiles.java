package dev.entrashell.rotation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;

import dev.entrashell.certificate.CertificateCredential;
import dev.entrashell.certificate.CertificateStore;
import dev.entrashell.errors.ShellException;
import dev.entrashell.session.ShellHome;

/**
 * Where a rotation's key files live: the new key waits in a pending folder until it has signed in, then
 * moves into the store; the old key file is renamed aside, never deleted.
 */
final class RotationKeyFiles {
    /** The folder, inside the store, where the new key waits until it has signed in. */
    static final String PENDING_FOLDER = "rotation-pending";

    private RotationKeyFiles() {}

    /** Moves the new key from the pending folder into the store, where connect finds it; returns where it is. */
    static Path intoTheStore(Path pfx) {
        Path folder = pfx.getParent();
        if (folder == null || !folder.getFileName().toString().equals(PENDING_FOLDER)) {
            return pfx; // a run before moved it already
        }
        Path stored = folder.resolveSibling(pfx.getFileName());
        try {
            Files.move(pfx, stored, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ShellException.of(
                    "Cannot move the new key {} into the store ({}). The app holds both keys and this session still"
                            + " uses the old one: move the file to {} yourself and run cert rotate again.",
                    pfx,
                    e.getMessage(),
                    stored);
        }
        return stored;
    }

    /** The old key file, renamed so no store search finds it again, but kept: not deleted. */
    static Path putAside(RotationState.Pending pending, Consumer<String> line) {
        if (pending.oldFile() == null || !Files.isRegularFile(Path.of(pending.oldFile()))) {
            return null;
        }
        Path old = Path.of(pending.oldFile());
        Path aside = old.resolveSibling(old.getFileName() + ".replaced-by-" + pending.newThumbprint());
        try {
            Files.move(old, aside);
        } catch (IOException e) {
            line.accept(
                    "Could not rename the old key file " + old + " aside (" + e.getMessage() + "); move it yourself.");
            return null;
        }
        line.accept("Kept the old key aside as " + aside + ".");
        return aside;
    }

    /** The store the new key goes into: --store, else beside the current key file, else the default store. */
    static Path folderFor(CertificateCredential current, CertificateRotation.Options options, ShellHome home) {
        if (options.store() != null) {
            return CertificateStore.folderFor(options.store(), home);
        }
        return keyFile(current).map(file -> file.toAbsolutePath().getParent()).orElse(home.certificateStore());
    }

    /** The file the certificate's key was read from, when it came from a file (not a system store). */
    static Optional<Path> keyFile(CertificateCredential current) {
        try {
            Path file = Path.of(current.source());
            return Files.isRegularFile(file) ? Optional.of(file.toAbsolutePath()) : Optional.empty();
        } catch (RuntimeException notAPath) {
            return Optional.empty();
        }
    }
}

package dev.entrashell.rotation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.PrivateFiles;
import dev.entrashell.session.ShellHome;

/**
 * What {@code cert rotate} knows about one app between runs, in {@code $ENTRA_SHELL_HOME/rotation/APP_ID.json}
 * (no secret in it): the app's object id and the key id of its current certificate, which an app that
 * may not read itself cannot look up, and the rotation under way, if one is.
 *
 * @param objectId the application's object id: the proof's issuer
 * @param thumbprint the certificate {@code keyId} belongs to
 * @param keyId the key id of that certificate on the app, for its own removal at the next rotation
 * @param pending the rotation a run began and has not finished, or null
 */
record RotationState(String objectId, String thumbprint, String keyId, Pending pending) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * A rotation under way. {@code newKeyId} is null until {@code addKey} has answered.
     *
     * @param oldFile the file that held the old certificate's key, to be put aside, or null when it came
     *     from a system store
     */
    record Pending(
            String oldThumbprint,
            String oldKeyId,
            String oldFile,
            String newThumbprint,
            String newPfx,
            String newKeyId) {
        Pending withNewKeyId(String keyId) {
            return new Pending(oldThumbprint, oldKeyId, oldFile, newThumbprint, newPfx, keyId);
        }
    }

    static final RotationState NONE = new RotationState(null, null, null, null);

    static Path file(ShellHome home, String clientId) {
        return home.root().resolve("rotation").resolve(clientId.toLowerCase(Locale.ROOT) + ".json");
    }

    static RotationState read(Path file) {
        try {
            RotationState state = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RotationState.class);
            return state == null ? NONE : state;
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | JsonParseException e) {
            throw ShellException.of(
                    "Cannot read {}: {}. It holds what cert rotate knows about a rotation under way; fix or remove it.",
                    file,
                    e.getMessage());
        }
    }

    void write(Path file) {
        try {
            PrivateFiles.write(file, GSON.toJson(this));
        } catch (IOException e) {
            throw ShellException.of("Cannot write {}: {}.", file, e.getMessage());
        }
    }

    RotationState withPending(Pending next) {
        return new RotationState(objectId, thumbprint, keyId, next);
    }
}

package dev.entrashell.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.PrivateFiles;

/**
 * The saved connections, in {@code $ENTRA_SHELL_HOME/connections.json}: read afresh at each use (another
 * shell may have saved one), replaced atomically and owner-only. A damaged file is reported in one line
 * naming it and left as it is: nothing is saved over it, and every other command works.
 */
public final class SavedConnections {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path file;

    public SavedConnections(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<SavedConnection> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Stored stored = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Stored.class);
            List<SavedConnection> saved = stored == null || stored.connections == null ? List.of() : stored.connections;
            for (SavedConnection connection : saved) {
                if (connection == null || connection.name() == null) {
                    throw new ShellException("an entry has no \"name\"");
                }
                SavedConnection.checkName(connection.name());
            }
            return saved.stream()
                    .map(c -> new SavedConnection(
                            c.name(),
                            c.tenant(),
                            c.clientId(),
                            c.environment(),
                            c.credential(),
                            c.sendCertificateChain(),
                            c.timeoutSeconds()))
                    .collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
            throw new ShellException("Cannot read the saved connections in " + file + ": " + reason(e)
                    + ". Fix the file or move it aside; it was left as it is.");
        }
    }

    public Optional<SavedConnection> find(String name) {
        return list().stream().filter(c -> c.isNamed(name)).findFirst();
    }

    /** The saved connection, or one line naming the saved ones and how to save this one. */
    public SavedConnection require(String name) {
        return find(name)
                .orElseThrow(() -> ShellException.usage("No saved connection '" + name + "'. "
                        + (names().isEmpty() ? "None is saved" : "Saved: " + String.join(", ", names()))
                        + ". Save one with: connect ... --name " + name));
    }

    public List<String> names() {
        return list().stream().map(SavedConnection::name).toList();
    }

    /** Adds the connection, or replaces the one saved under its name. */
    public void save(SavedConnection connection) {
        List<SavedConnection> saved = new ArrayList<>(list());
        int at = indexOf(saved, connection.name());
        if (at >= 0) {
            saved.set(at, connection);
        } else {
            saved.add(connection);
        }
        write(saved);
    }

    /** Removes the saved connection; false when there was none by that name. */
    public boolean remove(String name) {
        List<SavedConnection> saved = new ArrayList<>(list());
        int at = indexOf(saved, name);
        if (at < 0) {
            return false;
        }
        saved.remove(at);
        write(saved);
        return true;
    }

    private static int indexOf(List<SavedConnection> saved, String name) {
        for (int i = 0; i < saved.size(); i++) {
            if (saved.get(i).isNamed(name)) {
                return i;
            }
        }
        return -1;
    }

    private void write(List<SavedConnection> saved) {
        Stored stored = new Stored();
        stored.connections = saved;
        try {
            PrivateFiles.write(file, GSON.toJson(stored) + "\n");
        } catch (IOException e) {
            throw new ShellException("Cannot save the connections to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ShellException) {
            return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        }
        // Gson's messages carry a link to its troubleshooting page; the position is what helps here.
        int link = message.indexOf("\nSee https://");
        return "not valid JSON (" + (link > 0 ? message.substring(0, link) : message).strip() + ")";
    }

    /** The file format: a versionable object rather than a bare list. */
    private static final class Stored {
        List<SavedConnection> connections;
    }
}

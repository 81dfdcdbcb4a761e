package dev.entrashell.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.entrashell.auth.Connection;
import dev.entrashell.errors.ShellException;

/**
 * The shell's live connections and which one is active. Several can be live at once, each with its own
 * token source renewing on its own; switching between them requests nothing. A connection made without
 * {@code --name} is the unnamed one: there is at most one, and an unnamed connect replaces it, as a
 * connect always did. One per shell; passed to whoever needs it, never static.
 */
public final class Session {
    private final List<LiveConnection> live = new ArrayList<>();
    private LiveConnection active;

    public synchronized Optional<Connection> current() {
        return Optional.ofNullable(active).map(LiveConnection::connection);
    }

    /** The active connection with its name, if any. */
    public synchronized Optional<LiveConnection> active() {
        return Optional.ofNullable(active);
    }

    /** The connection, or the one-line "not connected" error that tells how to connect. */
    public synchronized Connection require() {
        if (active == null) {
            throw new ShellException(
                    live.isEmpty()
                            ? "Not connected. Connect first, for example: connect --tenant-id TENANT "
                                    + "--client-id APP_ID --thumbprint HEX (see 'help connect')."
                            : "No active connection; " + live.size() + " live: "
                                    + String.join(
                                            ", ",
                                            live.stream()
                                                    .map(LiveConnection::label)
                                                    .toList())
                                    + ". Choose one with: connection use NAME");
        }
        return active.connection();
    }

    /** The live connection saved under {@code name} (names are case-insensitive), if it is live. */
    public synchronized Optional<LiveConnection> live(String name) {
        return live.stream().filter(c -> c.isNamed(name)).findFirst();
    }

    public synchronized List<LiveConnection> all() {
        return List.copyOf(live);
    }

    /**
     * Makes {@code connection} live under {@code name} (null: the unnamed one), replacing whatever was
     * live under that name, and makes it the active one.
     */
    public synchronized LiveConnection connect(String name, Connection connection) {
        LiveConnection added = new LiveConnection(name, connection);
        int at = indexOf(name);
        if (at >= 0) {
            live.set(at, added);
        } else {
            live.add(added);
        }
        active = added;
        return added;
    }

    /** Replaces the active connection, keeping its name (a new credential for the same session). */
    public synchronized void connect(Connection connection) {
        connect(active == null ? null : active.name(), connection);
    }

    /** Makes the live connection {@code name} the active one; false when it is not live. */
    public synchronized boolean use(String name) {
        Optional<LiveConnection> found = live(name);
        found.ifPresent(c -> active = c);
        return found.isPresent();
    }

    /** Makes {@code connection} the active one again, as before a script's detour (none, if none was). */
    public synchronized void restore(Optional<LiveConnection> connection) {
        active = connection.filter(live::contains).orElse(null);
    }

    /** Forgets the active connection and its tokens; returns the one that was closed. */
    public synchronized Optional<LiveConnection> disconnect() {
        LiveConnection closed = active;
        if (closed != null) {
            live.remove(closed);
            active = null;
        }
        return Optional.ofNullable(closed);
    }

    /** Forgets the live connection {@code name}; returns it, if it was live. */
    public synchronized Optional<LiveConnection> disconnect(String name) {
        Optional<LiveConnection> closed = live(name);
        closed.ifPresent(c -> {
            live.remove(c);
            if (c == active) {
                active = null;
            }
        });
        return closed;
    }

    /** Forgets every live connection; returns them. */
    public synchronized List<LiveConnection> disconnectAll() {
        List<LiveConnection> closed = List.copyOf(live);
        live.clear();
        active = null;
        return closed;
    }

    private int indexOf(String name) {
        for (int i = 0; i < live.size(); i++) {
            LiveConnection c = live.get(i);
            if (name == null ? c.name() == null : c.isNamed(name)) {
                return i;
            }
        }
        return -1;
    }
}

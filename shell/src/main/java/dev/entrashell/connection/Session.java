package dev.entrashell.connection;

import java.util.Optional;

import dev.entrashell.auth.Connection;
import dev.entrashell.errors.ShellException;

/** The shell's current connection, if any. One per shell; passed to whoever needs it, never static. */
public final class Session {
    private volatile Connection current;

    public Optional<Connection> current() {
        return Optional.ofNullable(current);
    }

    /** The connection, or the one-line "not connected" error that tells how to connect. */
    public Connection require() {
        Connection connection = current;
        if (connection == null) {
            throw new ShellException("Not connected. Connect first, for example: connect --tenant-id TENANT "
                    + "--client-id APP_ID --thumbprint HEX (see 'help connect').");
        }
        return connection;
    }

    public void connect(Connection connection) {
        this.current = connection;
    }

    /** Forgets the connection and its tokens; returns the one that was closed. */
    public Optional<Connection> disconnect() {
        Connection closed = current;
        current = null;
        return Optional.ofNullable(closed);
    }
}

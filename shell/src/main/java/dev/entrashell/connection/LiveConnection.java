package dev.entrashell.connection;

import dev.entrashell.auth.Connection;
import dev.entrashell.session.Environments;

/** A connection the shell holds, with the name it was saved under (null when it was not saved). */
public record LiveConnection(String name, Connection connection) {

    public boolean isNamed(String other) {
        return name != null && name.equalsIgnoreCase(other);
    }

    /** How the prompt and messages name it: the saved name, or app @ tenant. */
    public String label() {
        return name != null ? name : appAtTenant(connection);
    }

    /** The label, followed by the environment when it is not Global, as the prompt shows it. */
    public String labelWithEnvironment() {
        String environment = connection.environment().name();
        return environment.equalsIgnoreCase(Environments.GLOBAL) ? label() : label() + " (" + environment + ")";
    }

    /** The app's name (or client id) @ the tenant. */
    public static String appAtTenant(Connection connection) {
        return (connection.appName() == null ? connection.clientId() : connection.appName()) + " @ "
                + connection.tenant();
    }
}

package dev.entrashell.command;

import java.util.List;

import dev.entrashell.auth.Connection;
import dev.entrashell.auth.TokenClaims;
import dev.entrashell.output.ShellOutput;

/** The line that confirms a connection: tenant, app, environment, credential type and roles, on stderr. */
final class ConnectedLine {
    private ConnectedLine() {}

    static void print(Connection connection, ShellOutput output) {
        TokenClaims claims = connection.tokens().token().claims();
        List<String> roles = claims.roles();
        output.err() // a status line, like every message: standard output carries data only
                .println("Connected to tenant " + connection.tenant()
                        + (claims.tenantId() != null && !claims.tenantId().equalsIgnoreCase(connection.tenant())
                                ? " (" + claims.tenantId() + ")"
                                : "")
                        + " as " + (claims.appName() == null ? "app" : "'" + claims.appName() + "'") + " ("
                        + connection.clientId() + ")"
                        + " in " + connection.environment().name() + ": AppOnly, " + connection.credentialType() + ", "
                        + roles.size() + (roles.size() == 1 ? " role." : " roles."));
        if (roles.isEmpty()) {
            output.warn(
                    "Warning: the token carries no roles: this app has no application permissions granted in this "
                            + "tenant, so Graph will refuse its calls (403). Grant them under API permissions and give admin consent.");
        }
    }
}

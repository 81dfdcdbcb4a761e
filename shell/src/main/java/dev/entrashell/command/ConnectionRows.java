package dev.entrashell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonObject;

import dev.entrashell.auth.Connection;
import dev.entrashell.connection.LiveConnection;
import dev.entrashell.connection.SavedConnection;
import dev.entrashell.services.ShellServices;

/**
 * The saved and live connections as rows for {@code connection list} and {@code show}: saved ones in the
 * order saved (with what the live session says, when it is live), then live ones that are not saved.
 * Reading a row requests nothing: the token shown is the one held.
 */
final class ConnectionRows {
    private ConnectionRows() {}

    static List<JsonObject> all(ShellServices services) {
        List<JsonObject> rows = new ArrayList<>();
        List<LiveConnection> live = new ArrayList<>(services.session().all());
        for (SavedConnection saved : services.savedConnections().list()) {
            Optional<LiveConnection> session = services.session().live(saved.name());
            session.ifPresent(live::remove);
            rows.add(row(services, saved, session));
        }
        live.forEach(session -> rows.add(row(services, null, Optional.of(session))));
        return rows;
    }

    static JsonObject row(ShellServices services, SavedConnection saved, Optional<LiveConnection> live) {
        Optional<Connection> connection = live.map(LiveConnection::connection);
        JsonObject row = new JsonObject();
        row.addProperty(
                "Name",
                saved != null ? saved.name() : live.map(LiveConnection::name).orElse(null));
        row.addProperty(
                "Active", live.isPresent() && services.session().active().equals(live));
        row.addProperty("Live", live.isPresent());
        row.addProperty("TenantId", connection.map(Connection::tenant).orElse(saved == null ? null : saved.tenant()));
        row.addProperty(
                "ClientId", connection.map(Connection::clientId).orElse(saved == null ? null : saved.clientId()));
        row.addProperty("AppName", connection.map(Connection::appName).orElse(null));
        row.addProperty(
                "Environment",
                connection
                        .map(c -> c.environment().name())
                        .orElse(saved == null || saved.environment() == null ? "Global" : saved.environment()));
        row.addProperty(
                "CredentialType",
                connection.map(c -> c.credentialType().name()).orElse(saved == null ? null : saved.credentialType()));
        row.addProperty(
                "TokenExpiresOn",
                connection
                        .flatMap(c -> c.tokens().held())
                        .map(token -> token.expiresOn().toString())
                        .orElse(null));
        return row;
    }
}

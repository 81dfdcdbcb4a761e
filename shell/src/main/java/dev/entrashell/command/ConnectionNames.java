package dev.entrashell.command;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.entrashell.connection.LiveConnection;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;

/** Tab-completion candidates wherever a connection name is taken: the saved ones and the live named ones. */
final class ConnectionNames implements Iterable<String> {
    private final ShellServices services;

    ConnectionNames(ShellServices services) {
        this.services = services;
    }

    @Override
    public Iterator<String> iterator() {
        Set<String> names = new LinkedHashSet<>();
        try {
            names.addAll(services.savedConnections().names());
        } catch (ShellException damaged) {
            // completion offers what it can; the damaged file is reported by the command that reads it
        }
        services.session().all().stream()
                .map(LiveConnection::name)
                .filter(name -> name != null)
                .forEach(names::add);
        return names.iterator();
    }
}

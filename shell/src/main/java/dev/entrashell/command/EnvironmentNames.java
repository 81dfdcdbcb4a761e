package dev.entrashell.command;

import java.util.Iterator;

import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Environment;

/** Tab-completion candidates for {@code --environment}: the environments known right now. */
final class EnvironmentNames implements Iterable<String> {
    private final ShellServices services;

    EnvironmentNames(ShellServices services) {
        this.services = services;
    }

    @Override
    public Iterator<String> iterator() {
        return services.environments().list().stream().map(Environment::name).iterator();
    }
}

package dev.entrashell.command;

import java.lang.reflect.Constructor;

import dev.entrashell.script.ScriptHost;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine;

/**
 * Builds command objects for picocli, giving those that ask for it the shell's {@link ShellServices}
 * (and the script commands the shell's {@link ScriptHost}).
 */
final class CommandFactory implements CommandLine.IFactory {
    private final ShellServices services;
    private final ScriptHost scripts;

    CommandFactory(ShellServices services, ScriptHost scripts) {
        this.services = services;
        this.scripts = scripts;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == ShellServices.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(services));
            }
            if (parameters.length == 2 && parameters[0] == ShellServices.class && parameters[1] == ScriptHost.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(services, scripts));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}

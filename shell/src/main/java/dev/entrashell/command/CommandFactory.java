package dev.entrashell.command;

import java.lang.reflect.Constructor;

import picocli.CommandLine;

/** Builds command objects for picocli, giving those that ask for it the shell's {@link ShellServices}. */
final class CommandFactory implements CommandLine.IFactory {
    private final ShellServices services;

    CommandFactory(ShellServices services) {
        this.services = services;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == ShellServices.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(services));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}

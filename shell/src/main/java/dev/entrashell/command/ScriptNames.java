package dev.entrashell.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.entrashell.script.ScriptLocator;
import dev.entrashell.services.ShellServices;

/**
 * Tab completion for {@code run}: the names of the scripts in the folders it searches, read at each
 * Tab (so a script saved a moment ago is offered), never at start-up.
 */
final class ScriptNames implements Iterable<String> {
    private final ShellServices services;

    ScriptNames(ShellServices services) {
        this.services = services;
    }

    @Override
    public Iterator<String> iterator() {
        TreeSet<String> names = new TreeSet<>();
        for (Path folder : ScriptLocator.standard(services.home()).folders()) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".groovy"))
                        .forEach(name -> names.add(name.substring(0, name.length() - ".groovy".length())));
            } catch (IOException | RuntimeException e) {
                // a folder that is missing or unreadable offers nothing
            }
        }
        return names.iterator();
    }
}

package dev.entrashell.script;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;
import dev.entrashell.session.ShellHome;

/**
 * Finds a script as CLI.md says: a path as given; a NAME (with or without {@code .groovy}) in the
 * current folder, then {@code $ENTRA_SHELL_HOME/scripts}, then the {@code scripts/} folder that ships
 * with the shell (beside {@code shell/} in the source tree, found from where the jar is).
 */
public final class ScriptLocator {
    private final List<Path> folders;

    public ScriptLocator(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    public static ScriptLocator standard(ShellHome home) {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of("").toAbsolutePath());
        folders.add(home.scripts());
        shipped().ifPresent(folders::add);
        return new ScriptLocator(folders);
    }

    public List<Path> folders() {
        return folders;
    }

    public Path find(String nameOrFile) {
        Path given = Path.of(nameOrFile);
        if (Files.isRegularFile(given)) {
            return given.toAbsolutePath();
        }
        if (given.getNameCount() == 1) {
            for (Path folder : folders) {
                for (String candidate : List.of(nameOrFile, nameOrFile + ".groovy")) {
                    Path file = folder.resolve(candidate);
                    if (Files.isRegularFile(file)) {
                        return file;
                    }
                }
            }
        }
        throw ShellException.usage("No script '" + Printable.of(nameOrFile) + "'. Looked "
                + (given.getNameCount() == 1
                        ? "in "
                                + String.join(
                                        ", ",
                                        folders.stream().map(Path::toString).toList())
                        : "for that file")
                + ".");
    }

    /**
     * The shipped {@code scripts/} folder: the jar is {@code shell/target/entra-shell.jar} (or, in tests,
     * the classes folder {@code shell/target/classes}), so it is the first {@code scripts} folder found
     * going up from there that sits beside a {@code shell} folder.
     */
    static Optional<Path> shipped() {
        try {
            Path location = Path.of(ScriptLocator.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath();
            for (Path folder = location.getParent(); folder != null; folder = folder.getParent()) {
                Path scripts = folder.resolve("scripts");
                if (Files.isDirectory(scripts) && Files.isDirectory(folder.resolve("shell"))) {
                    return Optional.of(scripts);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): only the other folders are searched
        }
        return Optional.empty();
    }
}

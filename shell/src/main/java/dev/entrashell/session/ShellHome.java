package dev.entrashell.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The folder for settings, history, environments, the default certificate store and the user's
 * scripts: {@code $ENTRA_SHELL_HOME}, or {@code ~/.entra-shell}.
 */
public record ShellHome(Path root) {
    public static final String VARIABLE = "ENTRA_SHELL_HOME";

    public static ShellHome from(Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new ShellHome(Path.of(configured).toAbsolutePath());
        }
        return new ShellHome(Path.of(System.getProperty("user.home"), ".entra-shell"));
    }

    /**
     * An existing home that others can read (made by hand, or by an older version with the umask's 755)
     * is made owner-only, as a new one is: history, saved connections and certificates live in it.
     * Returns the one-line notice to show, when it changed.
     */
    public Optional<String> restrictToOwner() {
        try {
            return PrivateFiles.restrictExistingDirectory(root)
                    .map(was -> "Made " + root + " readable by you only (it was " + was
                            + "): it holds history, connections and certificates.");
        } catch (IOException e) {
            return Optional.of("Cannot make " + root + " readable by you only: " + e.getMessage()
                    + "; it holds history, connections and certificates.");
        }
    }

    public Path historyFile() {
        return root.resolve("history");
    }

    public Path environmentsFile() {
        return root.resolve("environments.json");
    }

    /** The saved connections: how to connect to each (references, never secrets). */
    public Path connectionsFile() {
        return root.resolve("connections.json");
    }

    /** The default certificate store on Linux and macOS: a folder of .pfx/.p12/.pem files. */
    public Path certificateStore() {
        return root.resolve("certs");
    }

    public Path scripts() {
        return root.resolve("scripts");
    }

    /** Where the demo tenant keeps its CA and demo credentials between runs. */
    public Path demoState() {
        return root.resolve("demo");
    }
}

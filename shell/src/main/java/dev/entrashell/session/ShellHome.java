package dev.entrashell.session;

import java.nio.file.Path;
import java.util.Map;

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

    public Path historyFile() {
        return root.resolve("history");
    }

    public Path environmentsFile() {
        return root.resolve("environments.json");
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

package dev.entrashell.command;

import dev.entrashell.errors.ShellException;
import picocli.CommandLine.Option;

/** {@code --api v1.0|beta}, for the Graph verbs and {@code permissions}. */
final class ApiVersionOption {
    @Option(
            names = "--api",
            paramLabel = "VERSION",
            defaultValue = "v1.0",
            description = "v1.0 or beta (default: ${DEFAULT-VALUE}).")
    String api;

    /** The version given, checked: one clear line when it is none of Graph's. */
    String version() {
        if (!api.equals("v1.0") && !api.equals("beta")) {
            throw ShellException.usage("--api '" + api + "' is not a Graph version: use v1.0 or beta.");
        }
        return api;
    }
}

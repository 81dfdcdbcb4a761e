package dev.entrashell.command;

import java.nio.file.Path;

import dev.entrashell.auth.Secret;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Option;

/**
 * {@code connect}'s options for a token obtained elsewhere, as {@code Connect-MgGraph -AccessToken}
 * takes one, one of them: pasted at a masked prompt, read from a file or a variable, or (warned about)
 * given inline.
 */
final class AccessTokenOptions {
    /** The value picocli gives {@code --access-token} when it has none: ask at the terminal. */
    private static final String PROMPT = "";

    @Option(
            names = "--access-token",
            arity = "0..1",
            fallbackValue = PROMPT,
            paramLabel = "TOKEN",
            description = "Use this Graph access token as given (never renewed); without a value it is asked for, "
                    + "masked. Prefer --access-token-file or --access-token-env to a value here.")
    String value;

    @Option(
            names = "--access-token-file",
            paramLabel = "FILE",
            description = "Read the access token from this file (the JSON of 'az account get-access-token' will do).")
    Path file;

    @Option(
            names = "--access-token-env",
            paramLabel = "VARIABLE",
            description = "Read the access token from this variable.")
    String variable;

    /** The token as a {@link Secret} of its own: the characters read are wiped once it is made. */
    Secret read(ShellServices services) {
        return SecretSources.wipedAfter(
                SecretSources.read(
                        "--access-token", "token", "Access token: ", value, PROMPT, file, variable, services),
                Secret::copyOf);
    }
}

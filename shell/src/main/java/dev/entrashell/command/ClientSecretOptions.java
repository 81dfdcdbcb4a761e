package dev.entrashell.command;

import java.nio.file.Path;

import dev.entrashell.auth.Credential;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Option;

/**
 * {@code connect}'s options for a client secret, one of them: asked at a masked prompt, read from a
 * file or a variable, or (warned about) given inline.
 */
final class ClientSecretOptions {
    /** The value picocli gives {@code --secret} when it has none: ask at the terminal. */
    private static final String PROMPT = "";

    @Option(
            names = {"--secret", "--client-secret"},
            arity = "0..1",
            fallbackValue = PROMPT,
            paramLabel = "VALUE",
            description =
                    "A client secret; without a value it is asked for, masked. A value here is visible to others: prefer the prompt, --secret-file or --secret-env.")
    String value;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "Read the client secret from this file.")
    Path file;

    @Option(names = "--secret-env", paramLabel = "VARIABLE", description = "Read the client secret from this variable.")
    String variable;

    /** The credential, holding its own copy of the secret: the characters read are wiped once it is made. */
    Credential.ClientSecret credential(ShellServices services) {
        char[] read =
                SecretSources.read("--secret", "secret", "Client secret: ", value, PROMPT, file, variable, services);
        return SecretSources.wipedAfter(read, secret -> {
            services.diagnostics().redactor().register(secret);
            return file != null
                    ? Credential.ClientSecret.fromFile(secret, file)
                    : variable != null
                            ? Credential.ClientSecret.fromVariable(secret, variable)
                            : Credential.ClientSecret.given(secret);
        });
    }
}

package dev.entrashell.command;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import dev.entrashell.certificate.Passwords;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Prompter;
import picocli.CommandLine.Option;

/**
 * {@code --password-file} and {@code --password-env}: where a certificate file's password comes from,
 * taken the same way by connect and the cert commands. Without either, the password is asked for
 * (masked) when someone can be asked.
 */
final class PasswordOptions {
    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Read the certificate's password from this file.")
    Path file;

    @Option(
            names = "--password-env",
            paramLabel = "VARIABLE",
            description = "Read the certificate's password from this variable.")
    String variable;

    Passwords passwords(ShellServices services) {
        return passwords(file, variable, services);
    }

    /** The password the options give (already known to the redactor), if they give one. */
    Optional<char[]> given(ShellServices services) {
        return passwords(services).given();
    }

    /** The same options for a connect line, so it opens the file the way this command did. */
    Optional<String> forConnect() {
        if (file != null) {
            return Optional.of("--password-file " + LineTokenizer.quote(file.toString()));
        }
        return Optional.ofNullable(variable).map(name -> "--password-env " + name);
    }

    /**
     * The password for a new .pfx: the one the options give, else asked twice, masked, as a new password
     * is (a typo would lock the key away for good).
     */
    char[] forNewFile(ShellServices services, String command) {
        Optional<char[]> given = given(services);
        if (given.isPresent()) {
            return given.get();
        }
        Prompter prompter = services.prompter();
        char[] first = prompter.readSecret("Password for the new .pfx: ")
                .orElseThrow(() -> ShellException.usage(command + " needs a password for the .pfx and there is no "
                        + "terminal to ask at: give it with --password-file FILE or --password-env VARIABLE."));
        services.diagnostics().redactor().register(first);
        char[] second = prompter.readSecret("The same password again: ")
                .orElseThrow(() -> new ShellException("No password was given; nothing was made."));
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw ShellException.usage("The two passwords differ; nothing was made. Run " + command + " again.");
        }
        return first;
    }

    static Passwords passwords(Path file, String variable, ShellServices services) {
        if (file != null && variable != null) {
            throw ShellException.usage("Give the password once: --password-file or --password-env, not both.");
        }
        char[] given = variable != null
                ? SecretSources.fromVariable("--password-env", variable, services.environmentVariables())
                : file != null ? SecretSources.fromFile("--password-file", file) : null;
        return new Passwords(given, services.prompter(), services.diagnostics().redactor());
    }
}

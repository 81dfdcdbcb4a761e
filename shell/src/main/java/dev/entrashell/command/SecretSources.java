package dev.entrashell.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.InputFiles;

/**
 * Reads a secret (a client secret, a certificate password) from where the user keeps it: a file, an
 * environment variable, or the terminal. Values are returned as characters and never echoed.
 */
final class SecretSources {
    private SecretSources() {}

    static char[] fromFile(String option, Path file) {
        byte[] bytes = InputFiles.read(option, file);
        // Files written with echo end in a newline that is not part of the secret.
        return text(option, file, bytes).replaceFirst("\\r?\\n$", "").toCharArray();
    }

    /**
     * UTF-8, or the UTF-16 that Windows PowerShell 5.1 writes with {@code >} (with its byte-order mark),
     * as in {@code az account get-access-token > token.json}.
     */
    private static String text(String option, Path file, byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ShellException.usage(option + " " + file + " is not text in UTF-8 or UTF-16: save it as UTF-8"
                    + " (in PowerShell: Out-File -Encoding utf8).");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The secret of an option family such as {@code --secret}, {@code --secret-file}, {@code --secret-env}:
     * from the file, else the variable, else the masked prompt when {@code inline} is {@code prompt}
     * (the option given without a value), else the inline value, registered for redaction and warned
     * about because other users can see it.
     *
     * @param noun what the secret is called in messages ("secret", "token")
     */
    static char[] read(
            String option,
            String noun,
            String promptLabel,
            String inline,
            String prompt,
            Path file,
            String variable,
            ShellServices services) {
        if (file != null) {
            return fromFile(option + "-file", file);
        }
        if (variable != null) {
            return fromVariable(option + "-env", variable, services.environmentVariables());
        }
        if (inline.equals(prompt)) {
            return services.prompter()
                    .readSecret(promptLabel)
                    .orElseThrow(() -> ShellException.usage(option + " without a value asks for the " + noun
                            + ", but there is no terminal to ask at; use " + option + "-file FILE or " + option
                            + "-env VARIABLE."));
        }
        services.diagnostics().redactor().register(inline);
        services.output()
                .warn("Warning: a " + noun + " given on the command line can be seen in the process list and in the "
                        + "calling shell's history; prefer " + option + " (asks, masked), " + option + "-file or "
                        + option + "-env.");
        return inline.toCharArray();
    }

    /**
     * What {@code make} makes of {@code secret} (which keeps its own copy), then {@code secret} wiped, made
     * or refused: the characters read stay in memory no longer than the credential needs them.
     */
    static <T> T wipedAfter(char[] secret, Function<char[], T> make) {
        try {
            return make.apply(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    static char[] fromVariable(String option, String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null) {
            throw ShellException.usage(option + " " + variable + ": no such environment variable is set.");
        }
        return value.toCharArray();
    }
}

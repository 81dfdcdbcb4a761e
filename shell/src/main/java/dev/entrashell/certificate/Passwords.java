package dev.entrashell.certificate;

import java.nio.file.Path;
import java.util.Optional;

import dev.entrashell.session.Prompter;
import dev.entrashell.session.Redactor;

/**
 * Where a certificate file's password comes from: the one the user gave (from a file or a variable),
 * else asked for at the terminal when the file turns out to need one.
 */
public final class Passwords {
    private final char[] given;
    private final Prompter prompter;
    private final Redactor redactor;

    public Passwords(char[] given, Prompter prompter, Redactor redactor) {
        this.given = given;
        this.prompter = prompter;
        this.redactor = redactor;
        redactor.register(given);
    }

    /** The password the user gave up front, if any. */
    public Optional<char[]> given() {
        return Optional.ofNullable(given);
    }

    /** Asks for the password of one file, masked; empty when nobody can be asked. */
    public Optional<char[]> ask(Path file) {
        Optional<char[]> answer = prompter.readSecret("Password for " + file.getFileName() + ": ");
        answer.ifPresent(redactor::register);
        return answer;
    }
}

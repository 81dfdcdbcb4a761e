package dev.entrashell.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;

/**
 * The small files a user names on a command line: certificates, secrets, passwords, tokens, CA files.
 * Each is refused at once, as a usage error naming the option and the file, when it is not there, is a
 * folder or a device ({@code /dev/zero} would otherwise be read until memory runs out), or is larger
 * than any such file can be (1 MiB). A pipe ({@code --secret-file <(pass show app)}) is allowed, but
 * read no further than that limit.
 */
public final class InputFiles {
    /** A PFX with a long chain is some kilobytes; a secret or token, less. */
    public static final int LARGEST = 1024 * 1024;

    private static final int FILE_TYPE = 0170000;
    private static final int FIFO = 0010000;

    private InputFiles() {}

    /** The file's bytes; {@code option} names where it was given, such as {@code --certificate}. */
    public static byte[] read(String option, Path file) {
        String name = file.toString();
        if (name.isBlank()) {
            throw ShellException.usage(option + " is empty: give the name of a file.");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw ShellException.usage(option + " " + Printable.of(name) + " does not exist: check the name"
                    + (file.isAbsolute()
                            ? "."
                            : " (it is relative to " + Path.of("").toAbsolutePath() + ")."));
        }
        if (attributes.isDirectory()) {
            throw ShellException.usage(option + " " + Printable.of(name) + " is a folder: give a file in it.");
        }
        if (attributes.isOther() && !isPipe(file)) {
            throw ShellException.usage(
                    option + " " + Printable.of(name) + " is a device, not a file: give a regular file.");
        }
        if (attributes.size() > LARGEST) {
            throw tooLarge(option, name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(LARGEST + 1);
            if (content.length > LARGEST) {
                throw tooLarge(option, name);
            }
            return content;
        } catch (NoSuchFileException e) {
            throw ShellException.usage(option + " " + Printable.of(name) + " does not exist: check the name.");
        } catch (AccessDeniedException e) {
            throw ShellException.usage(option + " " + Printable.of(name)
                    + " cannot be read: permission denied; check its owner and mode.");
        } catch (IOException e) {
            throw ShellException.usage(option + " " + Printable.of(name) + " cannot be read: " + e.getMessage());
        }
    }

    private static ShellException tooLarge(String option, String name) {
        return ShellException.usage(option + " " + Printable.of(name) + " is larger than 1 MiB, more than any "
                + "certificate, key, secret or token file holds: check the file name.");
    }

    /** Where the platform can tell (the "unix" attribute view), whether this is a pipe, as {@code <(...)} gives. */
    private static boolean isPipe(Path file) {
        try {
            return ((Integer) Files.getAttribute(file, "unix:mode") & FILE_TYPE) == FIFO;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}

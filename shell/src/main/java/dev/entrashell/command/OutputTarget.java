package dev.entrashell.command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.entrashell.output.ShellOutput;

/**
 * Where a command's result goes: the screen, or the file of {@code --out}, which is never silently
 * replaced, is readable by its owner only when new, and appears only once the result is complete
 * ({@link OutFile}).
 */
final class OutputTarget implements AutoCloseable {
    private final PrintWriter writer;
    private final OutFile file;
    private final ShellOutput output;

    private OutputTarget(PrintWriter writer, OutFile file, ShellOutput output) {
        this.writer = writer;
        this.file = file;
        this.output = output;
    }

    static OutputTarget open(Path file, boolean force, ShellOutput output) {
        if (file == null) {
            return new OutputTarget(output.out(), null, output);
        }
        OutFile out = OutFile.begin(file, force, OutFile.Readers.OWNER);
        return new OutputTarget(
                new PrintWriter(new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8)), out, output);
    }

    PrintWriter writer() {
        return writer;
    }

    /** A person reads the result: pretty JSON and the readable default formats. */
    boolean toTerminal() {
        return file == null && output.terminal();
    }

    /**
     * The result is complete: the file takes its name (a write failure found now is thrown, and no
     * success is claimed), and the user is told where it went. {@code items} below zero means one object.
     */
    void done(int items) {
        writer.flush();
        if (file != null) {
            writer.close();
            file.commit();
            output.err()
                    .println("Wrote " + (items < 0 ? "the result" : String.format("%,d items", items)) + " to "
                            + file.file() + ".");
            output.err().flush();
        }
    }

    /** Without {@link #done(int)}, the command failed: a partial {@code --out} file is deleted. */
    @Override
    public void close() {
        if (file != null) {
            file.abandon();
        }
    }
}

package dev.entrashell.command;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.entrashell.ShellException;
import dev.entrashell.output.ShellOutput;

/** Where a command's result goes: the screen, or the file of {@code --out}, which is never silently replaced. */
final class OutputTarget implements AutoCloseable {
    private final PrintWriter writer;
    private final Path file;
    private final ShellOutput output;

    private OutputTarget(PrintWriter writer, Path file, ShellOutput output) {
        this.writer = writer;
        this.file = file;
        this.output = output;
    }

    static OutputTarget open(Path file, boolean force, ShellOutput output) {
        if (file == null) {
            return new OutputTarget(output.out(), null, output);
        }
        refuseToReplace(file, force);
        try {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(
                    Files.newOutputStream(
                            file,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE),
                    StandardCharsets.UTF_8));
            return new OutputTarget(writer, file, output);
        } catch (IOException e) {
            throw new ShellException("Cannot write --out " + file + ": " + e.getMessage(), e);
        }
    }

    /** An {@code --out} file is never silently replaced, nor a folder taken for one. */
    static void refuseToReplace(Path file, boolean force) {
        if (Files.isDirectory(file)) {
            throw ShellException.usage("--out " + file + " is a folder; give a file name.");
        }
        if (Files.exists(file) && !force) {
            throw ShellException.usage("--out " + file + " exists; add --force to replace it.");
        }
    }

    PrintWriter writer() {
        return writer;
    }

    /** A person reads the result: pretty JSON and the readable default formats. */
    boolean toTerminal() {
        return file == null && output.terminal();
    }

    /** Says where the result went, when it went to a file; {@code items} below zero means one object. */
    void done(int items) {
        writer.flush();
        if (file != null) {
            output.err()
                    .println("Wrote " + (items < 0 ? "the result" : String.format("%,d items", items)) + " to " + file
                            + ".");
            output.err().flush();
        }
    }

    @Override
    public void close() throws IOException {
        writer.flush();
        if (file != null) {
            writer.close();
            if (writer.checkError()) {
                throw new IOException("writing failed (disk full?)");
            }
        }
    }
}

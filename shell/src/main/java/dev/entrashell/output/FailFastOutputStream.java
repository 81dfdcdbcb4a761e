package dev.entrashell.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import dev.entrashell.errors.ShellException;

/**
 * Output (standard output, an {@code --out} file) that does not hide its failures. {@link
 * java.io.PrintWriter} and {@link java.io.PrintStream} swallow IOExceptions, so a loop printing into a
 * closed pipe would run forever and a run writing into a full disk would exit 0. Here a closed pipe
 * becomes {@link OutputClosed} and any other failure a {@link ShellException} naming the output. Once
 * failed, every later write fails the same way: a script that catches the first one stops at its next
 * print.
 */
public final class FailFastOutputStream extends FilterOutputStream {
    private final String name;
    /** The first failure; each later write throws anew (one instance thrown twice could suppress itself). */
    private IOException failure;

    /** @param name the output, for the error line: "to standard output", "--out users.csv" */
    public FailFastOutputStream(OutputStream out, String name) {
        super(out);
        this.name = name;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        check();
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() {
        check();
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    private void check() {
        if (failure != null) {
            throw signal(failure);
        }
    }

    private RuntimeException failed(IOException e) {
        failure = e;
        return signal(e);
    }

    private RuntimeException signal(IOException e) {
        return brokenPipe(e)
                ? new OutputClosed(e)
                : new ShellException("Cannot write " + name + ": " + e.getMessage() + ".", e);
    }

    /**
     * EPIPE: "Broken pipe" on Linux and macOS; on Windows "The pipe is being closed" or "The pipe has been
     * ended". The JVM ignores SIGPIPE, so the message is all there is to tell it from a full disk.
     */
    private static boolean brokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("pipe");
    }
}

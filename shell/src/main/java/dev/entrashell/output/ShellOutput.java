package dev.entrashell.output;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * Where commands write: results to {@code out}, messages and errors to {@code err}. {@code terminal}
 * says whether a person is reading (it picks the readable default formats and colours); {@code width}
 * is asked at print time because a terminal can be resized between commands.
 */
public record ShellOutput(PrintWriter out, PrintWriter err, boolean terminal, boolean color, IntSupplier widthSource) {

    public int width() {
        int width = widthSource.getAsInt();
        return width > 20 ? width : 120;
    }

    /** Clears a terminal screen (ANSI, which JLine's terminals and Windows Terminal understand); nothing otherwise. */
    public void clearScreen() {
        if (terminal) {
            out.print("\u001b[H\u001b[2J");
            out.flush();
        }
    }

    /**
     * Flushes standard output before a failure is reported. Standard output may itself be what failed
     * ({@link FailFastOutputStream} keeps failing), and that is the failure being reported: not again.
     */
    public void flushAfterFailure() {
        try {
            out.flush();
        } catch (RuntimeException alreadyBeingReported) {
            // the failure in hand says it
        }
    }

    /** A warning line on stderr, yellow on a colour terminal. */
    public void warn(String message) {
        err.println(color ? "\u001b[33m" + message + "\u001b[0m" : message);
        err.flush();
    }

    /** An error line on stderr, red on a colour terminal. */
    public void error(String message) {
        err.println(color ? "\u001b[31m" + message + "\u001b[0m" : message);
        err.flush();
    }
}

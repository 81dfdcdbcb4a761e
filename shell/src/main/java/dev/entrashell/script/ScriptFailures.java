package dev.entrashell.script;

import java.util.function.Predicate;

import dev.entrashell.ExitCode;
import dev.entrashell.ShellException;

/** Turns what a script threw into the one line the user sees: the script's file, the line, the message. */
final class ScriptFailures {
    private ScriptFailures() {}

    /**
     * @param fileName the script that ran
     * @param ours which source files are the user's (Groovy mode: every line typed so far, as a method
     *     defined on one line can fail when called from another)
     */
    static ScriptException describe(Throwable failure, String fileName, Predicate<String> ours) {
        StackTraceElement frame = frame(failure, ours);
        String where = frame == null ? fileName : frame.getFileName() + ", line " + frame.getLineNumber();
        if (failure instanceof InterruptedException
                || (failure instanceof ShellException shell && shell.exitCode() == ExitCode.INTERRUPTED)) {
            return new ScriptException("Interrupted: " + where + " stopped.", true, failure);
        }
        String message = failure instanceof ShellException
                ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new ScriptException(where + ": " + message, false, failure);
    }

    /** The innermost frame of the user's code on the stack of the failure or of one of its causes. */
    private static StackTraceElement frame(Throwable failure, Predicate<String> ours) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement element : t.getStackTrace()) {
                if (element.getFileName() != null && ours.test(element.getFileName()) && element.getLineNumber() > 0) {
                    return element;
                }
            }
        }
        return null;
    }
}

package dev.entrashell.script;

import dev.entrashell.ExitCode;
import dev.entrashell.ShellException;

/** Turns what a script threw into the one line the user sees: the script's file, the line, the message. */
final class ScriptFailures {
    private ScriptFailures() {}

    static ScriptException describe(Throwable failure, String fileName) {
        int line = line(failure, fileName);
        String where = fileName + (line > 0 ? ", line " + line : "");
        if (failure instanceof InterruptedException
                || (failure instanceof ShellException shell && shell.exitCode() == ExitCode.INTERRUPTED)) {
            return new ScriptException("Interrupted: " + where + " stopped.", true, failure);
        }
        String message = failure instanceof ShellException
                ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new ScriptException(where + ": " + message, false, failure);
    }

    /** The first line of the script on the stack of the failure or of one of its causes; 0 if none. */
    private static int line(Throwable failure, String fileName) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement element : t.getStackTrace()) {
                if (fileName.equals(element.getFileName()) && element.getLineNumber() > 0) {
                    return element.getLineNumber();
                }
            }
        }
        return 0;
    }
}

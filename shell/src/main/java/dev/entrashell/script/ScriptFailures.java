package dev.entrashell.script;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;
import dev.entrashell.net.Deadlines;
import groovy.lang.MissingPropertyException;

/** Turns what a script threw into the one line the user sees: the script's file, the line, the message. */
final class ScriptFailures {
    private static final Set<String> ODATA_OPTIONS =
            Set.of("select", "filter", "top", "skip", "expand", "orderby", "count", "search", "format", "skiptoken");

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
        if (failure instanceof StackOverflowError) {
            return new ScriptException(
                    where + ": endless recursion"
                            + (frame == null ? "" : " in " + frame.getMethodName())
                            + " (the call stack overflowed): give the method a case that returns without calling itself"
                            + " again.",
                    false,
                    failure);
        }
        String message = failure instanceof ShellException
                ? failure.getMessage()
                : Deadlines.userMessage(failure)
                        .orElse(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        return new ScriptException(where + ": " + message + odataHint(failure), false, failure);
    }

    /**
     * {@code get("/users?$select=id")}: in a double-quoted Groovy string {@code $select} is a variable,
     * so the script fails on a property that was meant for Graph. Say so, with the two ways out.
     */
    private static String odataHint(Throwable failure) {
        if (failure instanceof MissingPropertyException missing
                && ODATA_OPTIONS.contains(missing.getProperty().toLowerCase(Locale.ROOT))) {
            String option = "$" + missing.getProperty();
            return " (in a \"double-quoted\" string " + option
                    + " is a Groovy variable: write the path in 'single quotes'," + " or escape it as \\" + option
                    + ")";
        }
        return "";
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

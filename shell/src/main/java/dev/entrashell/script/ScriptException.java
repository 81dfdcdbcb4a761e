package dev.entrashell.script;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;

/** A script that failed: the one line names the script, the line and the message. */
final class ScriptException extends ShellException {
    private static final long serialVersionUID = 1L;

    ScriptException(String message, boolean interrupted, Throwable cause) {
        super(message, interrupted ? ExitCode.INTERRUPTED : ExitCode.FAILURE, cause);
    }
}

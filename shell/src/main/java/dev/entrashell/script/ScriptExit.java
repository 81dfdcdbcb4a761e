package dev.entrashell.script;

/**
 * Thrown by a script's {@code exit(n)} to end with its own exit code. An {@link Error}, so that a
 * script's own {@code catch (e)} (which catches exceptions) does not swallow it.
 */
final class ScriptExit extends Error {
    private static final long serialVersionUID = 1L;

    private final int code;

    ScriptExit(int code) {
        super("exit " + code, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}

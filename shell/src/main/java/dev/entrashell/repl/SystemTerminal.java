package dev.entrashell.repl;

import java.io.IOException;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The process's own terminal, opened without starting other programs where JLine can avoid it: each
 * one costs a JVM tens of milliseconds at the first prompt (measured in BENCHMARKS.md).
 *
 * <ul>
 *   <li>JLine's native (JNI) provider first: it asks the operating system whether standard input and
 *       output are a terminal, where the default order also asks {@code test -t 1}. Where the native
 *       library cannot load (an unusual platform, a {@code noexec} temporary folder), JLine's usual
 *       choice, which may run {@code stty} and {@code test}.
 *   <li>For the terminal types whose description JLine carries (xterm, xterm-256color, screen,
 *       rxvt...), that description instead of running {@code infocmp}: the same capabilities for these
 *       common types. Other types still ask {@code infocmp}, as JLine does.
 * </ul>
 */
final class SystemTerminal {
    private SystemTerminal() {}

    static Terminal open() throws IOException {
        useCarriedDescription(System.getenv("TERM"));
        try {
            return builder()
                    .provider(TerminalBuilder.PROP_PROVIDER_JNI)
                    .dumb(false)
                    .build();
        } catch (IOException | IllegalStateException | LinkageError nativeUnavailable) {
            return builder().build();
        }
    }

    private static TerminalBuilder builder() {
        return TerminalBuilder.builder().system(true).name("entra-shell");
    }

    /** JLine keeps loaded descriptions in a map of its own, which it reads before running infocmp. */
    private static void useCarriedDescription(String type) {
        if (type == null || type.isBlank()) {
            return;
        }
        String carried = InfoCmp.getDefaultInfoCmp(type);
        if (carried != null && InfoCmp.getLoadedInfoCmp(type) == null) {
            InfoCmp.setLoadedInfoCmp(type, carried);
        }
    }
}

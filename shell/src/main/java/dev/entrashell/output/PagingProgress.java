package dev.entrashell.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "1,234 items, 13 pages..." on stderr while {@code --all} pages, when a person can see stderr; erased
 * before any data line is written (the data may go to the same terminal) and at the end.
 */
public final class PagingProgress {
    private final ShellOutput output;
    private final boolean visible;
    private int pages;
    private boolean shown;

    public PagingProgress(ShellOutput output) {
        this.output = output;
        this.visible = output.terminal() || stderrIsTerminal();
    }

    /** Called once a page is written; {@code items} so far. */
    public void page(int items) {
        pages++;
        if (visible) {
            output.err()
                    .print(String.format(
                            "\r%,d item%s, %d page%s...", items, items == 1 ? "" : "s", pages, pages == 1 ? "" : "s"));
            output.err().flush();
            shown = true;
        }
    }

    /** Erases the progress line, before data is written and at the end. */
    public void clear() {
        if (shown) {
            output.err().print("\r\u001b[K");
            output.err().flush();
            shown = false;
        }
    }

    public int pages() {
        return pages;
    }

    /**
     * Java 17 cannot ask whether stderr is a terminal; on Linux its descriptor says so. Elsewhere only the
     * interactive shell shows progress.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            return false;
        }
    }
}

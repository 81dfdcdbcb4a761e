package dev.entrashell.repl;

import org.jline.reader.LineReader;
import org.jline.reader.Widget;
import org.jline.reader.impl.LineReaderImpl;

/**
 * JLine's {@code self-insert}, plus every printable character already waiting behind the one typed.
 * JLine redraws the whole line after each key it handles, so a paste that arrives without
 * bracketed-paste marks (a terminal or multiplexer that does not send them, a paste tool that types)
 * cost one redraw per character: a 20 KB line took about 25 s to appear, growing with the square of its
 * length. Taking what is waiting in one step makes it a handful of redraws. Control characters (Enter,
 * Tab, Escape sequences) are left to their own key bindings; every printable key is bound to
 * {@code self-insert} in the keymaps the shell uses.
 */
final class WaitingInputInsert implements Widget {
    /** How long to wait for the next character of a paste that the terminal delivers in pieces. */
    private static final long NEXT_CHARACTER_MILLIS = 1;
    /** Redraw at least this often during a very long paste, so the screen shows progress. */
    private static final int MOST_AT_ONCE = 64 * 1024;

    private final LineReaderImpl reader;
    private final Widget selfInsert;

    private WaitingInputInsert(LineReaderImpl reader, Widget selfInsert) {
        this.reader = reader;
        this.selfInsert = selfInsert;
    }

    /** Replaces the reader's {@code self-insert} widget. */
    static void install(LineReader reader) {
        if (reader instanceof LineReaderImpl impl) {
            Widget builtin = impl.getWidgets().get(LineReader.SELF_INSERT);
            impl.getWidgets().put(LineReader.SELF_INSERT, new WaitingInputInsert(impl, builtin));
        }
    }

    @Override
    public boolean apply() {
        if (!selfInsert.apply()) {
            return false;
        }
        StringBuilder waiting = new StringBuilder();
        while (waiting.length() < MOST_AT_ONCE && printable(reader.peekCharacter(NEXT_CHARACTER_MILLIS))) {
            waiting.appendCodePoint(reader.readCharacter());
        }
        if (!waiting.isEmpty()) {
            reader.putString(waiting);
        }
        return true;
    }

    /** Not a control character, end of input or a timeout (both negative). */
    private static boolean printable(int c) {
        return c >= ' ' && c != 0x7f && !(c >= 0x80 && c < 0xa0);
    }
}

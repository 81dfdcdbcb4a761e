package dev.entrashell.emulator;

/**
 * A fault for the emulator's Graph: it serves this many collection pages (answers with a {@code value}
 * array, counted from the moment the fault is set), then, like a server that dies in the middle of a
 * paged export, closes the connection without answering every later page request. Other requests
 * (single objects, writes) still pass. Off by default; set on a running emulator with {@link
 * Emulator#setDieAfterPages(DieAfterPages)}. A request that got no answer is recorded with status 0.
 *
 * @param pages how many pages are still answered; negative: off
 */
public record DieAfterPages(int pages) {

    public static DieAfterPages off() {
        return new DieAfterPages(-1);
    }

    /** Answers {@code pages} more pages (0: none), then drops the connection of every later page request. */
    public static DieAfterPages after(int pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("pages must not be negative: " + pages);
        }
        return new DieAfterPages(pages);
    }

    public boolean isOff() {
        return pages < 0;
    }
}

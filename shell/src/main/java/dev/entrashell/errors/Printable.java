package dev.entrashell.errors;

/**
 * A value the user typed, made fit to quote in a one-line message: control and invisible characters
 * are shown as {@code \}{@code uXXXX} escapes (so a pasted CR/LF cannot split the line, and a U+200E mark
 * shows why a value was refused), and a very long value is cut with its length said.
 */
public final class Printable {
    private static final int LONGEST = 80;

    private Printable() {}

    public static String of(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < codePoints.length && i < LONGEST; i++) {
            int cp = codePoints[i];
            if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                shown.append(String.format("\\u%04X", cp));
            } else {
                shown.appendCodePoint(cp);
            }
        }
        if (codePoints.length > LONGEST) {
            shown.append("... (").append(codePoints.length).append(" characters)");
        }
        return shown.toString();
    }
}

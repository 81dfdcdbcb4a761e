package dev.entrashell.output;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which columns hold identifiers (object ids, app ids, user principal names, mail addresses, thumbprints,
 * URLs): values an admin copies into the next command, so a table never cuts them. Known by the column's
 * name, or by every value on the first page looking like one.
 */
final class Identifiers {
    private static final Pattern VALUE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}" // a GUID
                    + "|[^\\s@]+@[^\\s@]+\\.[^\\s@]+" // a principal name or mail address
                    + "|https?://\\S+" // a URL
                    + "|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}"); // a SHA-1 or SHA-256 thumbprint

    private Identifiers() {}

    static boolean column(String name, List<String> firstPageValues) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("id")
                || (name.endsWith("Id") && name.length() > 2)
                || lower.contains("principalname")
                || lower.equals("mail")
                || lower.contains("thumbprint")
                || lower.endsWith("url")
                || lower.endsWith("uri")) {
            return true;
        }
        List<String> present =
                firstPageValues.stream().filter(v -> !v.isEmpty()).toList();
        return !present.isEmpty()
                && present.stream().allMatch(v -> VALUE.matcher(v).matches());
    }
}

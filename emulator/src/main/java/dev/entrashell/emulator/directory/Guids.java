package dev.entrashell.emulator.directory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** GUIDs as Entra writes them: lower-case, 8-4-4-4-12. */
public final class Guids {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {}

    public static boolean isGuid(String text) {
        return text != null && GUID.matcher(text).matches();
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** The same name always gives the same GUID (a name-based, version 3 UUID). */
    public static String fromName(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String normalize(String guid) {
        return guid.toLowerCase(Locale.ROOT);
    }
}

package dev.entrashell.emulator.directory;

import java.util.List;

/**
 * A role an API defines, e.g. Microsoft Graph's {@code User.Read.All}; application permissions are
 * app roles with "Application" among {@code allowedMemberTypes}.
 *
 * @param value the name in tokens' {@code roles} claim
 */
public record AppRole(
        String id,
        String value,
        String displayName,
        String description,
        List<String> allowedMemberTypes,
        boolean isEnabled) {

    public AppRole {
        allowedMemberTypes = List.copyOf(allowedMemberTypes);
    }

    /** An application permission. */
    public static AppRole application(String id, String value, String displayName, String description) {
        return new AppRole(id, value, displayName, description, List.of("Application"), true);
    }
}

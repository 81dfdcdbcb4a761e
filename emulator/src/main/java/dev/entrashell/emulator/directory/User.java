package dev.entrashell.emulator.directory;

import java.time.Instant;
import java.util.List;

/**
 * A user object, with the properties Graph returns by default plus a few that {@code $select}
 * asks for. Flat and immutable so that 100,000 of them stay cheap.
 *
 * @param userType "Member" or "Guest"
 */
public record User(
        String id,
        String displayName,
        String givenName,
        String surname,
        String userPrincipalName,
        String mail,
        String jobTitle,
        String department,
        String officeLocation,
        List<String> businessPhones,
        String mobilePhone,
        String preferredLanguage,
        boolean accountEnabled,
        String userType,
        Instant createdDateTime) {

    public User {
        businessPhones = List.copyOf(businessPhones);
    }
}

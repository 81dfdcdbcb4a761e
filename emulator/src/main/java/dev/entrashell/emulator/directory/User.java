package dev.entrashell.emulator.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A user object, with the properties Graph returns by default plus those admins most often
 * select. Flat and immutable so that 100,000 of them stay cheap; relationships (manager, group
 * memberships) live in {@link TenantObjects}.
 *
 * @param userType "Member" or "Guest"
 * @param lastSignInDateTime {@code signInActivity/lastSignInDateTime}: the last interactive
 *     sign-in, or null when the user never signed in interactively
 * @param lastNonInteractiveSignInDateTime {@code signInActivity/lastNonInteractiveSignInDateTime}, or null
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
        Instant createdDateTime,
        String mailNickname,
        String usageLocation,
        Instant lastSignInDateTime,
        Instant lastNonInteractiveSignInDateTime)
        implements DirectoryObject {

    public User {
        businessPhones = List.copyOf(businessPhones);
    }

    /** A user without sign-in activity, whose mail nickname is the local part of its user principal name. */
    public User(
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
        this(
                id,
                displayName,
                givenName,
                surname,
                userPrincipalName,
                mail,
                jobTitle,
                department,
                officeLocation,
                businessPhones,
                mobilePhone,
                preferredLanguage,
                accountEnabled,
                userType,
                createdDateTime,
                localPart(userPrincipalName),
                null,
                null,
                null);
    }

    public boolean isGuest() {
        return "Guest".equalsIgnoreCase(userType);
    }

    private static String localPart(String userPrincipalName) {
        if (userPrincipalName == null) {
            return null;
        }
        int at = userPrincipalName.indexOf('@');
        return (at < 0 ? userPrincipalName : userPrincipalName.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}

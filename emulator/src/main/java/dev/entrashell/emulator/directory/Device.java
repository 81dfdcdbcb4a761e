package dev.entrashell.emulator.directory;

import java.time.Instant;

/**
 * A device registered or joined in the tenant.
 *
 * @param id the object id
 * @param deviceId the device's own id, set by the device registration service
 * @param trustType "AzureAd" (joined), "Workplace" (registered) or "ServerAd" (hybrid joined)
 * @param approximateLastSignInDateTime null when the device never signed in
 */
public record Device(
        String id,
        String deviceId,
        String displayName,
        String operatingSystem,
        String operatingSystemVersion,
        String manufacturer,
        String model,
        boolean accountEnabled,
        String trustType,
        boolean isCompliant,
        boolean isManaged,
        Instant approximateLastSignInDateTime,
        Instant registrationDateTime)
        implements DirectoryObject {}

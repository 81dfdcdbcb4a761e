package dev.entrashell.emulator.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A directory (tenant).
 *
 * @param id the tenant id, a lower-case GUID
 * @param organizationName the organization's display name
 * @param verifiedDomains at least one; the first is the initial and default domain
 */
public record Tenant(String id, String organizationName, List<String> verifiedDomains, Instant createdDateTime) {

    public Tenant {
        if (!Guids.isGuid(id)) {
            throw new IllegalArgumentException("tenant id must be a GUID: " + id);
        }
        id = Guids.normalize(id);
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        if (verifiedDomains.isEmpty()) {
            throw new IllegalArgumentException("a tenant needs at least one verified domain");
        }
        verifiedDomains = verifiedDomains.stream()
                .map(domain -> domain.toLowerCase(Locale.ROOT))
                .toList();
    }

    public String defaultDomain() {
        return verifiedDomains.get(0);
    }
}

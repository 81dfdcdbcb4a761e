package dev.entrashell.emulator.token;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.token.error.AadErrorException;
import dev.entrashell.emulator.token.error.AadErrors;

/** Resolves the tenant path segment of a login URL: a tenant id or a verified domain. */
public final class TenantResolver {
    /** Authority aliases that name no tenant: fine for metadata, useless for an app-only token. */
    public static final Set<String> MULTI_TENANT_ALIASES = Set.of("common", "organizations", "consumers");

    private static final Pattern DNS_NAME =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private final Directory directory;

    public TenantResolver(Directory directory) {
        this.directory = directory;
    }

    public static boolean isMultiTenantAlias(String segment) {
        return MULTI_TENANT_ALIASES.contains(segment.toLowerCase(Locale.ROOT));
    }

    /** The tenant, for a segment that is not a multi-tenant alias. */
    public Tenant resolve(String segment) throws AadErrorException {
        if (isMultiTenantAlias(segment)) {
            throw new AadErrorException(AadErrors.noTenantIdentifyingInformation());
        }
        if (!Guids.isGuid(segment) && !DNS_NAME.matcher(segment).matches()) {
            throw new AadErrorException(AadErrors.invalidTenantIdentifier(segment));
        }
        return directory.tenant(segment).orElseThrow(() -> new AadErrorException(AadErrors.tenantNotFound(segment)));
    }
}

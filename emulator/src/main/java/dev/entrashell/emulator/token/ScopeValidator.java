package dev.entrashell.emulator.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.Tenant;

/**
 * Checks the {@code scope} of a client credentials request as Entra does: one resource, with the
 * {@code /.default} suffix, and a resource this tenant knows. The only resource here is Graph, by
 * its public URI, its application id, or this emulator's own Graph address.
 */
public final class ScopeValidator {
    private static final String DEFAULT_SUFFIX = "/.default";

    private final List<String> graphNames;

    public ScopeValidator(URI graphEndpoint) {
        this.graphNames = List.of(
                GraphResource.URI,
                GraphResource.APP_ID,
                graphEndpoint.toString().toLowerCase(Locale.ROOT),
                ("https://localhost:" + graphEndpoint.getPort()));
    }

    /** Returns the resource the scope names. */
    public String validate(String scope, Tenant tenant) throws AadErrorException {
        String[] values = scope.strip().split("\\s+");
        if (values.length != 1) {
            throw new AadErrorException(AadErrors.invalidScope(scope));
        }
        String value = values[0];
        if (!value.endsWith(DEFAULT_SUFFIX)) {
            throw new AadErrorException(AadErrors.scopeWithoutDefault(scope));
        }
        String resource = value.substring(0, value.length() - DEFAULT_SUFFIX.length());
        if (!isResourceIdentifier(resource)) {
            throw new AadErrorException(AadErrors.invalidScope(scope));
        }
        if (!isGraph(resource)) {
            throw new AadErrorException(AadErrors.resourceNotFound(resource, tenant.organizationName()));
        }
        return resource;
    }

    private boolean isGraph(String resource) {
        String name = resource.toLowerCase(Locale.ROOT);
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return graphNames.contains(name);
    }

    /** An application id (GUID) or an absolute URI such as {@code https://...} or {@code api://...}. */
    private static boolean isResourceIdentifier(String resource) {
        if (resource.isEmpty()) {
            return false;
        }
        if (Guids.isGuid(resource)) {
            return true;
        }
        try {
            URI uri = new URI(resource);
            return uri.isAbsolute()
                    && uri.getSchemeSpecificPart() != null
                    && !uri.getSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

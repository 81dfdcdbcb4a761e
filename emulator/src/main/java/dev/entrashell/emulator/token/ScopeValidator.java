package dev.entrashell.emulator.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.token.error.AadErrorException;
import dev.entrashell.emulator.token.error.AadErrors;

/**
 * Checks the {@code scope} of a client credentials request as Entra does: one resource, with the
 * {@code /.default} suffix, and a resource this tenant knows. The only resource here is Graph, by
 * its public URI, its application id, or this emulator's own Graph address. The OpenID Connect
 * scopes are ignored, because MSAL adds {@code openid profile offline_access} to every request,
 * client credentials included, and Entra issues the token regardless.
 */
public final class ScopeValidator {
    private static final String DEFAULT_SUFFIX = "/.default";
    private static final Set<String> OPENID_SCOPES = Set.of("openid", "profile", "offline_access", "email");

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
        List<String> values = Arrays.stream(scope.strip().split("\\s+"))
                .filter(value -> !OPENID_SCOPES.contains(value.toLowerCase(Locale.ROOT)))
                .toList();
        if (values.isEmpty()) {
            throw new AadErrorException(AadErrors.scopeWithoutDefault(scope));
        }
        if (values.size() > 1) {
            throw new AadErrorException(AadErrors.invalidScope(scope));
        }
        String value = values.get(0);
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

    /**
     * Checks the {@code resource} of a v1.0 token request, which names the resource itself rather
     * than a scope: it must be Graph.
     */
    public void validateResource(String resource, Tenant tenant) throws AadErrorException {
        if (!isGraph(resource)) {
            throw new AadErrorException(AadErrors.resourceNotFound(resource, tenant.organizationName()));
        }
    }

    /**
     * True when a resource (an application ID URI or application id, without {@code /.default})
     * names Graph: what the managed identity endpoints' {@code resource} parameter must name.
     */
    public boolean isGraph(String resource) {
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

package dev.entrashell.auth;

import java.util.regex.Pattern;

import dev.entrashell.errors.Printable;

/**
 * The directory and the app registration a credential signs in to: a tenant (its GUID or a DNS name)
 * and an application (client) id, both checked before they reach a URL or a request.
 */
public record AppIdentity(String tenant, String clientId) {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    /** A tenant is a GUID or a DNS name: it becomes a path segment of the login URL, so nothing else passes. */
    private static final Pattern TENANT = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    /**
     * The same checks as {@link #of}, so no identity skips them (a tenant becomes a path segment of the
     * login URL); a refusal names the options, {@code --tenant-id} and {@code --client-id}.
     */
    public AppIdentity {
        refuseUnfit(tenant, clientId, "--tenant-id", "--client-id");
        tenant = tenant.strip();
    }

    /**
     * The tenant and client id as given, checked; {@code tenantName} and {@code clientName} are where
     * they came from ({@code --tenant-id}, {@code AZURE_TENANT_ID}), for the line that refuses them.
     */
    public static AppIdentity of(String tenant, String clientId, String tenantName, String clientName) {
        refuseUnfit(tenant, clientId, tenantName, clientName);
        return new AppIdentity(tenant, clientId);
    }

    private static void refuseUnfit(String tenant, String clientId, String tenantName, String clientName) {
        if (tenant == null || tenant.isBlank()) {
            throw new CredentialNotConfiguredException(
                    "connect needs " + tenantName + ": the directory's GUID or a verified domain such as "
                            + "contoso.onmicrosoft.com (shown on the app registration's Overview page).");
        }
        if (!TENANT.matcher(tenant.strip()).matches()) {
            throw new CredentialNotConfiguredException(tenantName + " '" + Printable.of(tenant) + "' is not a "
                    + "tenant: give the directory's GUID or a domain such as contoso.onmicrosoft.com (letters, "
                    + "digits, dots and hyphens), as shown on the app registration's Overview page.");
        }
        if (clientId == null) {
            throw new CredentialNotConfiguredException(
                    "connect needs " + clientName + ": the app registration's application (client) id.");
        }
        if (!GUID.matcher(clientId).matches()) {
            throw new CredentialNotConfiguredException(clientName + " '" + Printable.of(clientId)
                    + "' is not an application (client) id: expected a GUID such as "
                    + "11111111-2222-3333-4444-555555555555 from the app registration's Overview page.");
        }
    }
}

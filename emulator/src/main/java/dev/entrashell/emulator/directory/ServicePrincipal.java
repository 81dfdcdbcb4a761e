package dev.entrashell.emulator.directory;

import java.util.List;

/**
 * A service principal: an application's identity in this tenant, or a first-party API such as
 * Microsoft Graph with the app roles it defines.
 *
 * @param appOwnerOrganizationId the tenant that owns the application (Microsoft's for first-party APIs)
 * @param servicePrincipalType "Application" or "ManagedIdentity"
 */
public record ServicePrincipal(
        String id,
        String appId,
        String displayName,
        String appDisplayName,
        String appOwnerOrganizationId,
        boolean accountEnabled,
        String servicePrincipalType,
        String signInAudience,
        List<String> servicePrincipalNames,
        List<String> tags,
        List<AppRole> appRoles,
        List<KeyCredential> keyCredentials,
        List<PasswordCredential> passwordCredentials)
        implements DirectoryObject {

    public ServicePrincipal {
        servicePrincipalNames = List.copyOf(servicePrincipalNames);
        tags = List.copyOf(tags);
        appRoles = List.copyOf(appRoles);
        keyCredentials = List.copyOf(keyCredentials);
        passwordCredentials = List.copyOf(passwordCredentials);
    }

    public ServicePrincipal withAppRoles(List<AppRole> roles) {
        return with(displayName, appDisplayName, roles);
    }

    /** The same principal under another name, as after its application was renamed. */
    public ServicePrincipal withDisplayName(String name) {
        return with(name, name, appRoles);
    }

    private ServicePrincipal with(String newDisplayName, String newAppDisplayName, List<AppRole> roles) {
        return new ServicePrincipal(
                id,
                appId,
                newDisplayName,
                newAppDisplayName,
                appOwnerOrganizationId,
                accountEnabled,
                servicePrincipalType,
                signInAudience,
                servicePrincipalNames,
                tags,
                roles,
                keyCredentials,
                passwordCredentials);
    }
}

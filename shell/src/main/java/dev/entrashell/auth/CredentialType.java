package dev.entrashell.auth;

/** How the app proves who it is; the names are those {@code Get-MgContext} prints as TokenCredentialType. */
public enum CredentialType {
    ClientCertificate,
    ClientSecret,
    ManagedIdentity,
    FederatedToken,
    UserProvidedAccessToken
}

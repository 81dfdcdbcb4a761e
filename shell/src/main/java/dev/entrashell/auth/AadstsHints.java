package dev.entrashell.auth;

import java.util.Map;
import java.util.Optional;

/**
 * What to do about the AADSTS codes that app-only sign-ins meet, in plain words. Entra's own messages
 * say what went wrong; these say what to check. Sources: Microsoft's error-code reference and the
 * issues collected in shared/reference/peers-and-wire.md section 6.
 */
final class AadstsHints {
    private static final Map<Integer, String> HINTS = Map.ofEntries(
            Map.entry(
                    700211,
                    "no federated credential of the app trusts this token's issuer: add one under Certificates & secrets > Federated credentials with the issuer exactly as the token's iss claim."),
            Map.entry(
                    700212,
                    "the token's audience is not the one the federated credential expects (usually api://AzureADTokenExchange): request the token for that audience."),
            Map.entry(
                    700213,
                    "the token's subject matches no federated credential of the app: compare the credential's Subject with the token's sub claim (exact, case-sensitive)."),
            Map.entry(
                    7002138,
                    "the subject differs only in upper/lower case: federated credential subjects are case-sensitive."),
            Map.entry(
                    7000272,
                    "the external token's signing key is not among its issuer's published keys: the issuer may have rotated keys; get a fresh token."),
            Map.entry(
                    7000274,
                    "the external token's signature does not verify with its issuer's key: the token file may be damaged or from another issuer."),
            Map.entry(
                    501661,
                    "Entra ID could not fetch the external issuer's OpenID configuration: the issuer URL must be public and serve /.well-known/openid-configuration."),
            Map.entry(
                    7000213,
                    "the certificate chain sent with --send-certificate-chain does not lead to a CA the tenant trusts: send the full chain (leaf first) from a trusted CA."),
            Map.entry(
                    90002,
                    "check --tenant-id (a tenant GUID or a verified domain) and --environment: the tenant must exist in that cloud."),
            Map.entry(
                    700016,
                    "check --client-id and --tenant-id: the app must be registered in this tenant, or consented to here if it is multi-tenant."),
            Map.entry(
                    700027,
                    "the app registration does not have this certificate: upload its public part (.cer) under Certificates & secrets, or connect with the certificate that is registered."),
            Map.entry(
                    7000215,
                    "the client secret is wrong: use the secret's Value (shown once when it was created), not its Secret ID."),
            Map.entry(
                    7000222,
                    "the client secret has expired: create a new one under Certificates & secrets, or switch to a certificate."),
            Map.entry(
                    700024,
                    "the client assertion's time window is off: check this machine's clock (it must be within minutes of UTC)."),
            Map.entry(
                    1002012,
                    "app-only tokens need a scope ending in /.default, such as https://graph.microsoft.com/.default."),
            Map.entry(70011, "the scope is malformed: app-only sign-ins ask for exactly one RESOURCE/.default scope."),
            Map.entry(
                    500011,
                    "the resource is not known in this tenant: check the environment's Graph endpoint and that the tenant is in that cloud."),
            Map.entry(700022, "ask for one resource per token: a single RESOURCE/.default scope."),
            Map.entry(
                    7000229,
                    "the app has no service principal in this tenant: create one (az ad sp create --id CLIENT_ID) or consent to the app here."),
            Map.entry(
                    700025,
                    "the app is a public client: turn off 'Allow public client flows' in the app registration's Authentication page."),
            Map.entry(7000218, "the request carried no credential: give a certificate or a secret."),
            Map.entry(
                    900144,
                    "a required parameter is missing from the token request; check --client-id and --tenant-id."),
            Map.entry(50027, "the client assertion is malformed: check that the certificate and key are an RSA pair."),
            Map.entry(50048, "the client assertion's subject must be the client id: check --client-id."),
            Map.entry(700021, "the certificate was used with another app's client id: check --client-id."),
            Map.entry(
                    700023,
                    "the client assertion was made for another token endpoint: check --tenant-id and --environment."),
            Map.entry(
                    50059,
                    "app-only sign-ins need a tenant: give --tenant-id as a GUID or domain, not common or organizations."),
            Map.entry(
                    7000112,
                    "the application is disabled in this tenant: an administrator must enable its service principal."),
            Map.entry(
                    70021,
                    "no federated credential of the app matches the token's issuer, subject and audience: check the app's Federated credentials."),
            Map.entry(
                    700030,
                    "subject name and issuer sign-in is not configured for this certificate: check trustedCertificateSubjects in the app manifest."),
            Map.entry(
                    53003,
                    "Conditional Access blocked this sign-in: ask an administrator which policy applies to workload identities."),
            Map.entry(50049, "the authority is not a known Entra ID instance: check the environment's login endpoint."),
            Map.entry(
                    90038,
                    "the tenant lives in another cloud: choose the right --environment (China, USGov, USGovDoD)."),
            Map.entry(
                    50196,
                    "too many identical sign-ins in a short time: wait a moment; the shell reuses its token, so check for loops in scripts."));

    private AadstsHints() {}

    static Optional<String> hint(int code) {
        return Optional.ofNullable(HINTS.get(code));
    }
}

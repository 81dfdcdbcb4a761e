package dev.entrashell.emulator.token.error;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Every error the token endpoint gives, in one place, with Entra's status, OAuth error, AADSTS code
 * and wording. The wording follows what Entra prints; clients must branch on the code, never on
 * the text.
 */
public final class AadErrors {
    private static final String WORKLOAD_IDENTITY_DOC =
            "https://learn.microsoft.com/entra/workload-id/workload-identity-federation";
    private static final String CERTIFICATE_CREDENTIALS_DOC =
            "Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .";
    /** How Entra prints the dates of a registered key ("Found key 'Start=..., End=...'"). */
    private static final DateTimeFormatter KEY_DATE =
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);
    /** How Entra prints instants in AADSTS700024: seven fractional digits, UTC. */
    private static final DateTimeFormatter TIME_RANGE_INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AadErrors() {}

    public static AadError tenantNotFound(String tenant) {
        return new AadError(
                400,
                "invalid_request",
                90002,
                "Tenant '" + tenant + "' not found. Check to make sure you have the correct tenant ID and are"
                        + " signing into the correct cloud. Check with your subscription administrator, this may"
                        + " happen if there are no active subscriptions for the tenant.");
    }

    public static AadError invalidTenantIdentifier(String tenant) {
        return new AadError(
                400,
                "invalid_request",
                900023,
                "Specified tenant identifier '" + tenant + "' is neither a valid DNS name, nor a valid external"
                        + " domain.");
    }

    public static AadError noTenantIdentifyingInformation() {
        return new AadError(
                400,
                "invalid_request",
                50059,
                "No tenant-identifying information found in either the request or implied by any provided"
                        + " credentials.");
    }

    public static AadError missingParameter(String name) {
        return new AadError(
                400,
                "invalid_request",
                900144,
                "The request body must contain the following parameter: '" + name + "'.");
    }

    public static AadError malformedRequest() {
        return new AadError(400, "invalid_request", 9002313, "Invalid request. Request is malformed or invalid.");
    }

    public static AadError methodNotAllowed(String method) {
        return new AadError(
                400,
                "invalid_request",
                900561,
                "The endpoint only accepts POST, OPTIONS requests. Received a " + method + " request.");
    }

    public static AadError unsupportedGrantType(String grantType) {
        return new AadError(
                400,
                "unsupported_grant_type",
                70003,
                "The app requested an unsupported grant type '" + grantType + "'.");
    }

    public static AadError applicationNotFound(String clientId, String directoryName) {
        return new AadError(
                400,
                "unauthorized_client",
                700016,
                "Application with identifier '" + clientId + "' was not found in the directory '" + directoryName
                        + "'. This can happen if the application has not been installed by the administrator of"
                        + " the tenant or consented to by any user in the tenant. You may have sent your"
                        + " authentication request to the wrong tenant.");
    }

    public static AadError scopeWithoutDefault(String scope) {
        return new AadError(
                400,
                "invalid_scope",
                1002012,
                "The provided value for scope " + scope + " is not valid. Client credential flows must have a"
                        + " scope value with /.default suffixed to the resource identifier (application ID URI).");
    }

    public static AadError invalidScope(String scope) {
        return new AadError(
                400,
                "invalid_scope",
                70011,
                "The provided value for the input parameter 'scope' is not valid. The scope " + scope
                        + " is not valid.");
    }

    public static AadError resourceNotFound(String resource, String tenantName) {
        return new AadError(
                400,
                "invalid_resource",
                500011,
                "The resource principal named " + resource + " was not found in the tenant named " + tenantName
                        + ". This can happen if the application has not been installed by the administrator of"
                        + " the tenant or consented to by any user in the tenant. You might have sent your"
                        + " authentication request to the wrong tenant.");
    }

    public static AadError missingClientCredential() {
        return new AadError(
                401,
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    public static AadError invalidClientSecret(String clientId) {
        return new AadError(
                401,
                "invalid_client",
                7000215,
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret"
                        + " value, not the client secret ID, for a secret added to app '" + clientId + "'.");
    }

    public static AadError malformedAssertion(String reason) {
        return new AadError(
                401,
                "invalid_client",
                50027,
                "JWT token is invalid or malformed." + (reason == null ? "" : " [Reason - " + reason + "]"));
    }

    /**
     * Entra's current wording; it names the thumbprint only when the assertion's header had one.
     *
     * @param thumbprint the thumbprint the header named, or empty
     */
    public static AadError assertionKeyNotFound(String thumbprint, String clientId) {
        return new AadError(
                401,
                "invalid_client",
                700027,
                "The certificate with identifier used to sign the client assertion is not registered on application."
                        + " [Reason - The key was not found., "
                        + (thumbprint.isEmpty() ? "" : "Thumbprint of key used by client: '" + thumbprint + "', ")
                        + configuredKeysHint(clientId) + "]");
    }

    /**
     * The registered certificate that matched is outside its validity dates: Entra no longer (or not
     * yet) accepts assertions signed with its key.
     */
    public static AadError assertionKeyOutsideValidity(
            boolean expired, String thumbprint, Instant keyStart, Instant keyEnd, String clientId) {
        String reason = expired ? "The key used is expired." : "The key used is not yet valid.";
        return new AadError(
                401,
                "invalid_client",
                700027,
                "Client assertion failed signature validation. [Reason - " + reason + ", Thumbprint of key used"
                        + " by client: '" + thumbprint + "', " + foundKey(keyStart, keyEnd) + ", "
                        + configuredKeysHint(clientId) + "]");
    }

    public static AadError assertionBadSignature(String thumbprint, Instant keyStart, Instant keyEnd, String clientId) {
        return new AadError(
                401,
                "invalid_client",
                700027,
                "Client assertion contains an invalid signature. [Reason - Keys were found but failed signature"
                        + " validation. Thumbprint of key used by client: '" + thumbprint + "', "
                        + foundKey(keyStart, keyEnd) + ", " + configuredKeysHint(clientId) + "]");
    }

    public static AadError assertionIssuerMismatch() {
        return new AadError(
                401,
                "invalid_client",
                700021,
                "Client assertion application identifier doesn't match 'client_id' parameter. "
                        + CERTIFICATE_CREDENTIALS_DOC);
    }

    public static AadError assertionSubjectMismatch() {
        return new AadError(401, "invalid_client", 50048, "Subject mismatches Issuer claim in the client assertion.");
    }

    public static AadError assertionAudienceMismatch() {
        return new AadError(
                401,
                "invalid_client",
                700023,
                "Client assertion audience claim does not match Realm issuer. " + CERTIFICATE_CREDENTIALS_DOC);
    }

    /** The assertion's {@code aud} is an array of more than one value. */
    public static AadError tooManyAssertionAudiences(int count) {
        return new AadError(
                401,
                "invalid_client",
                5002741,
                "Number of audience values in the provided client credential exceed maximum allowed. " + count
                        + " audience values provided, maximum allowed is 1.");
    }

    public static AadError assertionOutsideTimeRange(Instant now, Instant notBefore, Instant expiry) {
        return new AadError(
                401,
                "invalid_client",
                700024,
                "Client assertion is not within its valid time range. Current time: "
                        + TIME_RANGE_INSTANT.format(now) + ", assertion valid from "
                        + TIME_RANGE_INSTANT.format(notBefore) + ", expiry time of assertion "
                        + TIME_RANGE_INSTANT.format(expiry) + ". " + CERTIFICATE_CREDENTIALS_DOC);
    }

    /** The app has no federated identity credential naming the assertion's issuer (exactly). */
    public static AadError federatedIssuerNotFound(String issuer) {
        return noFederatedRecord(700211, "issuer", issuer, "Please check");
    }

    public static AadError federatedAudienceNotFound(String audience) {
        return noFederatedRecord(700212, "audience", audience, "Please check");
    }

    public static AadError federatedSubjectNotFound(String subject) {
        return noFederatedRecord(700213, "subject", subject, "Check");
    }

    /** Entra's three "no matching record" answers differ only in the claim, its code and one word. */
    private static AadError noFederatedRecord(int code, String claim, String value, String check) {
        return new AadError(
                401,
                "invalid_client",
                code,
                "No matching federated identity record found for presented assertion " + claim + " '" + value + "'. "
                        + check + " your federated identity credential Subject, Audience and Issuer against the"
                        + " presented assertion. " + WORKLOAD_IDENTITY_DOC);
    }

    /** Since 2025 subjects match case-sensitively; Entra says so when only the case differs. */
    public static AadError federatedSubjectCaseMismatch(String subject) {
        return new AadError(
                401,
                "invalid_client",
                7002138,
                "No matching federated identity record found for presented assertion subject '" + subject + "'. The"
                        + " subject matches with case-insensitive comparison, but not with case-sensitive"
                        + " comparison. Check your federated identity credential Subject, Audience and Issuer"
                        + " against the presented assertion. See documentation at: "
                        + "https://learn.microsoft.com/entra/workload-id/workload-identity-federation. See breaking"
                        + " change notification and remediation at: "
                        + "https://learn.microsoft.com/en-us/entra/identity-platform/reference-breaking-changes#august-2024.");
    }

    /** Entra could not get the issuer's discovery document or keys. */
    public static AadError federatedIssuerUnreachable() {
        return new AadError(401, "invalid_client", 501661, "Request to External OIDC endpoint failed.");
    }

    /** The issuer's published keys have none with the token's key id. */
    public static AadError federatedKeyNotFound(String keyIdentifier, String issuer) {
        return new AadError(
                401,
                "invalid_client",
                7000272,
                "The certificate with identifier " + keyIdentifier + " used to sign the federated credential could"
                        + " not be found in the metadata of identity provider " + issuer + ". Please validate that"
                        + " your Identity Provider's metadata exposes the key used to sign the incoming token.");
    }

    /**
     * The issuer's key was found but does not verify the token's signature. The code is Entra's
     * (ClientAssertionContainsInvalidSignature); the wording is the emulator's.
     */
    public static AadError federatedBadSignature(String keyIdentifier, String issuer) {
        return new AadError(
                401,
                "invalid_client",
                7000274,
                "Client assertion contains an invalid signature. [Reason - The key with identifier '" + keyIdentifier
                        + "' published by identity provider " + issuer + " was found, but the signature of the"
                        + " federated credential does not verify with it.]");
    }

    /** SN+I: no trusted certificate subject of the app is the leaf certificate's subject. */
    public static AadError certificateSubjectNotAuthorized(List<String> certificateSubjects) {
        return new AadError(
                401,
                "invalid_client",
                700030,
                "Invalid certificate - subject name in certificate isn't authorized."
                        + " SubjectNames/SubjectAlternativeNames (up to 10) in token certificate are: "
                        + String.join(";", certificateSubjects.subList(0, Math.min(10, certificateSubjects.size())))
                        + ".");
    }

    /** SN+I: the {@code x5c} chain does not lead to a certificate authority the tenant trusts. */
    public static AadError invalidCertificateChain() {
        return new AadError(401, "invalid_client", 7000213, "Invalid certificate chain.");
    }

    /** SN+I: the chain leads to a trusted authority, but not to the one the trusted subject names. */
    public static AadError noTrustedAuthorityForSubject() {
        return new AadError(
                401,
                "invalid_client",
                50012,
                "Authentication failed. A matching trusted authority policy was not found for the authorized subject"
                        + " name.");
    }

    private static String foundKey(Instant start, Instant end) {
        return "Found key 'Start=" + KEY_DATE.format(start) + ", End=" + KEY_DATE.format(end) + "'";
    }

    private static String configuredKeysHint(String clientId) {
        return "Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for"
                + " app Id '" + clientId + "'. Review the documentation at"
                + " https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service"
                + " endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http"
                + " to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/"
                + clientId + "'.";
    }
}

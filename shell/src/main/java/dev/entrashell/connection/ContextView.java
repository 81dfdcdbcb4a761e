package dev.entrashell.connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.entrashell.auth.AccessToken;
import dev.entrashell.auth.Connection;
import dev.entrashell.auth.TokenClaims;

/**
 * The fields of {@code context}, named and ordered as {@code Get-EntraContext} prints them, from the
 * connection and its current token. Secret values are not fields.
 */
public record ContextView(Map<String, Object> fields) {

    public static ContextView of(Connection connection) {
        AccessToken token = connection.tokens().token();
        TokenClaims claims = token.claims();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ClientId", claims.appId() != null ? claims.appId() : connection.clientId());
        fields.put("TenantId", claims.tenantId() != null ? claims.tenantId() : connection.tenant());
        fields.put("AppName", claims.appName());
        fields.put("AuthType", "AppOnly");
        fields.put("TokenCredentialType", connection.credentialType().name());
        fields.put("CertificateThumbprint", connection.certificateThumbprint());
        fields.put("CertificateSubjectName", connection.certificateSubjectName());
        fields.put("SendCertificateChain", connection.sendCertificateChain());
        fields.put("ManagedIdentityId", connection.managedIdentityId());
        fields.put("Scopes", claims.roles());
        fields.put("Environment", connection.environment().name());
        fields.put("ContextScope", "Process");
        fields.put("TokenExpiresOn", token.expiresOn().toString());
        // Not in Get-EntraContext: when the certificate runs out is what certificate users most need to know.
        fields.put(
                "CertificateExpiresOn",
                connection.certificateExpiresOn() == null
                        ? null
                        : connection.certificateExpiresOn().toString());
        return new ContextView(fields);
    }

    /** Text for the list format: lists joined with commas, booleans as PowerShell shows them. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                text.put(
                        name,
                        String.join(", ", list.stream().map(String::valueOf).toList()));
            } else if (value instanceof Boolean bool) {
                text.put(name, bool ? "True" : "False");
            } else {
                text.put(name, value == null ? "" : value.toString());
            }
        });
        return text;
    }
}

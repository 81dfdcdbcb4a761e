package dev.entrashell.emulator.directory;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A federated identity credential of an application (Graph's {@code federatedIdentityCredential}):
 * the app trusts tokens that an external identity provider issued to one workload, so that the
 * workload can present such a token as its client assertion instead of a secret or a certificate.
 * Entra matches issuer and subject exactly, case included, and requires one of the audiences.
 *
 * @param name unique among the app's credentials; 3 to 120 characters, letters, digits, '-' and '_'
 * @param issuer the external issuer's URL, exactly as it appears in its tokens' {@code iss}
 * @param subject exactly the {@code sub} of the workload's tokens, e.g.
 *     {@code system:serviceaccount:NAMESPACE:NAME} for a Kubernetes service account
 * @param audiences what the tokens' {@code aud} must contain; Entra allows exactly one, by default
 *     {@value #DEFAULT_AUDIENCE}
 */
public record FederatedIdentityCredential(
        String name, String issuer, String subject, List<String> audiences, String description) {

    /** The audience Entra recommends, and the one every Azure tool asks external issuers for. */
    public static final String DEFAULT_AUDIENCE = "api://AzureADTokenExchange";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,119}");

    public FederatedIdentityCredential {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a federated credential's name has 3 to 120 letters, digits, '-' or '_': " + name);
        }
        if (issuer == null || issuer.isBlank() || issuer.length() > 600) {
            throw new IllegalArgumentException("the issuer must be a URL of at most 600 characters: " + issuer);
        }
        if (subject == null || subject.isBlank() || subject.length() > 600) {
            throw new IllegalArgumentException("the subject must be 1 to 600 characters: " + subject);
        }
        audiences = List.copyOf(audiences);
        if (audiences.size() != 1 || audiences.get(0).isBlank()) {
            throw new IllegalArgumentException("a federated credential has exactly one audience: " + audiences);
        }
        description = Objects.requireNonNullElse(description, "");
    }

    /** With the default audience and no description. */
    public static FederatedIdentityCredential of(String name, String issuer, String subject) {
        return new FederatedIdentityCredential(name, issuer, subject, List.of(DEFAULT_AUDIENCE), "");
    }
}

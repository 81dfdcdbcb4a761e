package dev.entrashell.emulator.token.federation;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.FederatedIdentityCredential;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.jwt.Jws;
import dev.entrashell.emulator.jwt.JwsAlgorithm;
import dev.entrashell.emulator.token.error.AadErrorException;
import dev.entrashell.emulator.token.error.AadErrors;

/**
 * Verifies a federated client assertion (workload identity federation): a token another identity
 * provider issued, presented as {@code client_assertion}. The app must have a federated identity
 * credential naming the token's issuer exactly; the token's signature must verify with that
 * issuer's published key; it must be within its lifetime; one of those credentials must name its
 * subject exactly (case included); and that credential's audience must be among the token's.
 */
public final class FederatedAssertionVerifier {
    private final Directory directory;
    private final FederatedIssuers issuers;
    private final Clock clock;
    private final Duration skew;

    public FederatedAssertionVerifier(Directory directory, FederatedIssuers issuers, Clock clock, Duration skew) {
        this.directory = directory;
        this.issuers = issuers;
        this.clock = clock;
        this.skew = skew;
    }

    /**
     * @param algorithm the header's algorithm, already checked to be one Entra accepts
     */
    public void verify(Jws jws, JwsAlgorithm algorithm, AppRegistration app, Tenant tenant) throws AadErrorException {
        String issuer = jws.claimString("iss").orElse("");
        List<FederatedIdentityCredential> forIssuer =
                directory.workloads(tenant.id()).federatedCredentials(app.clientId()).stream()
                        .filter(credential -> credential.issuer().equals(issuer))
                        .toList();
        if (forIssuer.isEmpty()) {
            throw new AadErrorException(AadErrors.federatedIssuerNotFound(issuer));
        }

        Map<String, PublicKey> keys =
                issuers.keys(issuer).orElseThrow(() -> new AadErrorException(AadErrors.federatedIssuerUnreachable()));
        String keyId = jws.headerString("kid").or(() -> jws.headerString("x5t")).orElse("");
        PublicKey key = keys.get(keyId);
        if (key == null) {
            throw new AadErrorException(AadErrors.federatedKeyNotFound(keyId, issuer));
        }
        if (!algorithm.verify(key, jws.signingInput(), jws.signature())) {
            throw new AadErrorException(AadErrors.federatedBadSignature(keyId, issuer));
        }

        checkLifetime(jws);

        String subject = jws.claimString("sub").orElse("");
        List<FederatedIdentityCredential> forSubject = forIssuer.stream()
                .filter(credential -> credential.subject().equals(subject))
                .toList();
        if (forSubject.isEmpty()) {
            boolean caseOnly = forIssuer.stream()
                    .anyMatch(credential -> credential.subject().equalsIgnoreCase(subject));
            throw new AadErrorException(
                    caseOnly
                            ? AadErrors.federatedSubjectCaseMismatch(subject)
                            : AadErrors.federatedSubjectNotFound(subject));
        }

        List<String> audiences = audiences(jws.claims().get("aud"));
        boolean audienceMatches = forSubject.stream()
                .flatMap(credential -> credential.audiences().stream())
                .anyMatch(audiences::contains);
        if (!audienceMatches) {
            throw new AadErrorException(AadErrors.federatedAudienceNotFound(String.join(",", audiences)));
        }
    }

    /** {@code exp} is required; {@code nbf} (or else {@code iat}) too when present; both with the skew. */
    private void checkLifetime(Jws jws) throws AadErrorException {
        Optional<Long> exp = jws.claimNumber("exp");
        if (exp.isEmpty()) {
            throw new AadErrorException(AadErrors.malformedAssertion("The 'exp' claim is missing or is not a number."));
        }
        Instant now = clock.instant();
        Instant expiry = Instant.ofEpochSecond(exp.get());
        Instant notBefore = jws.claimNumber("nbf")
                .or(() -> jws.claimNumber("iat"))
                .map(Instant::ofEpochSecond)
                .orElse(Instant.EPOCH);
        if (now.isAfter(expiry.plus(skew)) || now.isBefore(notBefore.minus(skew))) {
            throw new AadErrorException(AadErrors.assertionOutsideTimeRange(now, notBefore, expiry));
        }
    }

    /** {@code aud} is a string or an array of strings. */
    private static List<String> audiences(JsonElement aud) {
        List<String> audiences = new ArrayList<>();
        if (aud instanceof JsonPrimitive primitive && primitive.isString()) {
            audiences.add(primitive.getAsString());
        } else if (aud != null && aud.isJsonArray()) {
            for (JsonElement element : aud.getAsJsonArray()) {
                if (element instanceof JsonPrimitive primitive && primitive.isString()) {
                    audiences.add(primitive.getAsString());
                }
            }
        }
        return audiences;
    }
}

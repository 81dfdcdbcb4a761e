package dev.entrashell.emulator.token;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.jwt.Base64Url;
import dev.entrashell.emulator.jwt.Jws;
import dev.entrashell.emulator.jwt.JwsAlgorithm;
import dev.entrashell.emulator.tls.Thumbprints;
import dev.entrashell.emulator.token.error.AadErrorException;
import dev.entrashell.emulator.token.error.AadErrors;
import dev.entrashell.emulator.token.federation.FederatedAssertionVerifier;
import dev.entrashell.emulator.token.sni.SubjectNameIssuerVerifier;

/**
 * Verifies a certificate client assertion (RFC 7523 private_key_jwt) the way Entra ID does: the
 * key named by the header's thumbprint among the app's registered certificates, the signature
 * with that key, then issuer, subject, audience and time window. Assertions that name no
 * registered key go to the federated credential check (another issuer) or the subject name and
 * issuer check (a trusted certificate chain). Independent code: nothing here is shared with the
 * clients under test.
 */
public final class ClientAssertionVerifier {
    /**
     * What the time-range error prints as "valid from" when the assertion has no {@code nbf}: the
     * emulator's choice (.NET's DateTime.MinValue), since the claim is optional and Entra's wording
     * for that case is not known.
     */
    private static final Instant NO_NOT_BEFORE = Instant.parse("0001-01-01T00:00:00Z");

    private final LoginEndpoints endpoints;
    private final Clock clock;
    private final Duration skew;
    private final FederatedAssertionVerifier federated;
    private final SubjectNameIssuerVerifier subjectNameIssuer;

    /**
     * @param federated checks assertions that another identity provider issued
     * @param subjectNameIssuer checks assertions signed with a certificate trusted by subject name
     *     and issuer rather than registered
     */
    public ClientAssertionVerifier(
            LoginEndpoints endpoints,
            Clock clock,
            Duration skew,
            FederatedAssertionVerifier federated,
            SubjectNameIssuerVerifier subjectNameIssuer) {
        this.endpoints = endpoints;
        this.clock = clock;
        this.skew = skew;
        this.federated = federated;
        this.subjectNameIssuer = subjectNameIssuer;
    }

    /**
     * Which kind of assertion it is follows from what it names: a registered certificate (by
     * thumbprint) makes it a certificate assertion; otherwise an issuer other than the app makes it
     * a federated one; otherwise a certificate chain makes it a subject name and issuer one.
     */
    public ClientCredentialType verify(String assertion, AppRegistration app, Tenant tenant) throws AadErrorException {
        Jws jws;
        try {
            jws = Jws.parse(assertion);
        } catch (Jws.MalformedJwsException e) {
            throw new AadErrorException(AadErrors.malformedAssertion(e.getMessage()));
        }
        JwsAlgorithm algorithm = algorithm(jws);
        Optional<X509Certificate> registered = registeredCertificate(jws, app);
        if (registered.isEmpty()) {
            String issuer = jws.claimString("iss").orElse("");
            if (!issuer.isEmpty() && !issuer.equalsIgnoreCase(app.clientId())) {
                federated.verify(jws, algorithm, app, tenant);
                return ClientCredentialType.FEDERATED;
            }
            if (subjectNameIssuer.applies(jws, app, tenant)) {
                subjectNameIssuer.verify(jws, algorithm, app, tenant);
                checkClaims(jws, app, tenant, clock.instant());
                return ClientCredentialType.CERTIFICATE;
            }
            throw new AadErrorException(AadErrors.assertionKeyNotFound(thumbprintUsedByClient(jws), app.clientId()));
        }
        X509Certificate certificate = registered.get();
        String thumbprint = thumbprintUsedByClient(jws);
        Instant now = clock.instant();
        Instant keyStart = certificate.getNotBefore().toInstant();
        Instant keyEnd = certificate.getNotAfter().toInstant();
        if (now.isAfter(keyEnd) || now.isBefore(keyStart)) {
            throw new AadErrorException(AadErrors.assertionKeyOutsideValidity(
                    now.isAfter(keyEnd), thumbprint, keyStart, keyEnd, app.clientId()));
        }
        if (!algorithm.verify(certificate.getPublicKey(), jws.signingInput(), jws.signature())) {
            throw new AadErrorException(AadErrors.assertionBadSignature(thumbprint, keyStart, keyEnd, app.clientId()));
        }
        checkClaims(jws, app, tenant, now);
        return ClientCredentialType.CERTIFICATE;
    }

    /**
     * The claims of an assertion the app signed itself: issuer, subject, audience and times. Entra
     * requires neither {@code jti} nor {@code nbf} (MSAL Python sends no {@code nbf}).
     */
    private void checkClaims(Jws jws, AppRegistration app, Tenant tenant, Instant now) throws AadErrorException {
        checkIssuerAndSubject(jws, app);
        checkAudience(jws, tenant);
        checkTimeWindow(jws, now);
    }

    private static JwsAlgorithm algorithm(Jws jws) throws AadErrorException {
        Optional<String> alg = jws.headerString("alg");
        if (alg.isEmpty()) {
            throw new AadErrorException(AadErrors.malformedAssertion("The 'alg' header is missing."));
        }
        return JwsAlgorithm.named(alg.get())
                .orElseThrow(() -> new AadErrorException(AadErrors.malformedAssertion("The signing algorithm '"
                        + alg.get() + "' is not supported; client assertions are signed RS256 or PS256.")));
    }

    /** The registered certificate named by {@code x5t#S256} (SHA-256) or {@code x5t} (SHA-1), if any. */
    private static Optional<X509Certificate> registeredCertificate(Jws jws, AppRegistration app) {
        byte[] sha256 = decodedHeader(jws, "x5t#S256");
        byte[] sha1 = decodedHeader(jws, "x5t");
        for (X509Certificate certificate : app.certificates()) {
            if ((sha256 != null && Arrays.equals(sha256, Thumbprints.sha256(certificate)))
                    || (sha1 != null && Arrays.equals(sha1, Thumbprints.sha1(certificate)))) {
                return Optional.of(certificate);
            }
        }
        return Optional.empty();
    }

    /**
     * What Entra echoes as "Thumbprint of key used by client": the SHA-1 thumbprint in hex, or, when
     * only a SHA-256 one was sent, that one; empty when the header names no key.
     */
    private static String thumbprintUsedByClient(Jws jws) {
        byte[] sha1 = decodedHeader(jws, "x5t");
        byte[] named = sha1 != null ? sha1 : decodedHeader(jws, "x5t#S256");
        return named == null ? "" : HexFormat.of().withUpperCase().formatHex(named);
    }

    /**
     * Decodes a thumbprint header leniently: RFC 7515 says base64url, but MSAL4J (1.26) writes
     * {@code x5t} and {@code x5t#S256} in standard base64 with padding, and Entra accepts both.
     */
    private static byte[] decodedHeader(Jws jws, String name) {
        Optional<String> value = jws.headerString(name);
        if (value.isEmpty()) {
            return null;
        }
        String urlSafe = value.get().strip().replace('+', '-').replace('/', '_');
        while (urlSafe.endsWith("=")) {
            urlSafe = urlSafe.substring(0, urlSafe.length() - 1);
        }
        try {
            return Base64Url.decode(urlSafe);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void checkIssuerAndSubject(Jws jws, AppRegistration app) throws AadErrorException {
        String issuer = jws.claimString("iss").orElse("");
        if (!issuer.equalsIgnoreCase(app.clientId())) {
            throw new AadErrorException(AadErrors.assertionIssuerMismatch());
        }
        String subject = jws.claimString("sub").orElse("");
        if (!subject.equals(issuer)) {
            throw new AadErrorException(AadErrors.assertionSubjectMismatch());
        }
    }

    /**
     * {@code aud} is one string, or an array holding one string (Entra refuses an array of more); it
     * must be our token endpoint.
     */
    private void checkAudience(Jws jws, Tenant tenant) throws AadErrorException {
        JsonElement aud = jws.claims().get("aud");
        if (aud != null && aud.isJsonArray()) {
            if (aud.getAsJsonArray().size() > 1) {
                throw new AadErrorException(
                        AadErrors.tooManyAssertionAudiences(aud.getAsJsonArray().size()));
            }
            aud = aud.getAsJsonArray().isEmpty() ? null : aud.getAsJsonArray().get(0);
        }
        boolean matches = aud instanceof JsonPrimitive primitive
                && primitive.isString()
                && endpoints.isAudienceFor(primitive.getAsString(), tenant);
        if (!matches) {
            throw new AadErrorException(AadErrors.assertionAudienceMismatch());
        }
    }

    /**
     * {@code exp} is required and must not have passed; {@code nbf}, when present, must have come.
     * Entra sets no limit on how long an assertion may live.
     */
    private void checkTimeWindow(Jws jws, Instant now) throws AadErrorException {
        Optional<Long> exp = jws.claimNumber("exp");
        if (exp.isEmpty()) {
            throw new AadErrorException(AadErrors.malformedAssertion("The 'exp' claim is missing or is not a number."));
        }
        if (jws.claims().has("nbf") && jws.claimNumber("nbf").isEmpty()) {
            throw new AadErrorException(AadErrors.malformedAssertion("The 'nbf' claim is not a number."));
        }
        Instant expiry = Instant.ofEpochSecond(exp.get());
        Instant notBefore = jws.claimNumber("nbf").map(Instant::ofEpochSecond).orElse(NO_NOT_BEFORE);
        boolean expired = now.isAfter(expiry.plus(skew));
        boolean early = now.isBefore(notBefore.minus(skew));
        boolean inverted = expiry.isBefore(notBefore);
        if (expired || early || inverted) {
            throw new AadErrorException(AadErrors.assertionOutsideTimeRange(now, notBefore, expiry));
        }
    }
}

package dev.entrashell.emulator.graph;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.entrashell.emulator.graph.error.GraphException;
import dev.entrashell.emulator.jwt.Jws;
import dev.entrashell.emulator.jwt.JwsAlgorithm;

/**
 * The {@code proof} of {@code addKey} and {@code removeKey}, checked as Graph documents it
 * (application-addkey, application-rollkey-prooftoken): a JWT with {@code aud}
 * 00000002-0000-0000-c000-000000000000, {@code iss} the application's object id, {@code nbf} and
 * {@code exp} at most ten minutes apart around now, signed by one of the application's currently
 * valid certificates. Graph answers every failed proof alike, 401 {@code
 * Authentication_MissingOrMalformed} (what callers with a wrong audience or issuer report), so the
 * reason is not in the answer.
 */
final class PossessionProof {
    static final String AUDIENCE = "00000002-0000-0000-c000-000000000000";
    static final Duration MAXIMUM_LIFETIME = Duration.ofMinutes(10);
    /** The clock skew Microsoft's token validation allows by default. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private PossessionProof() {}

    /**
     * @param objectId the application's object id: the issuer the proof must name
     * @param certificates the application's certificates (expired ones prove nothing)
     */
    static void verify(String proof, String objectId, List<X509Certificate> certificates, Instant now)
            throws GraphException {
        if (proof == null) {
            throw GraphException.directoryBadRequest("The proof is missing.");
        }
        Jws jws;
        try {
            jws = Jws.parse(proof);
        } catch (Jws.MalformedJwsException e) {
            throw refused();
        }
        JwsAlgorithm algorithm =
                jws.headerString("alg").flatMap(JwsAlgorithm::named).orElseThrow(PossessionProof::refused);
        boolean signed = certificates.stream()
                .filter(certificate -> validAt(certificate, now))
                .anyMatch(certificate ->
                        algorithm.verify(certificate.getPublicKey(), jws.signingInput(), jws.signature()));
        if (!signed
                || !audienceIsGraph(jws.claims().get("aud"))
                || !jws.claimString("iss").orElse("").equalsIgnoreCase(objectId)
                || !inWindow(jws.claimNumber("nbf"), jws.claimNumber("exp"), now)) {
            throw refused();
        }
    }

    /** True when the application holds a certificate valid now: without one it cannot prove anything. */
    static boolean anyValid(List<X509Certificate> certificates, Instant now) {
        return certificates.stream().anyMatch(certificate -> validAt(certificate, now));
    }

    private static boolean validAt(X509Certificate certificate, Instant now) {
        return !now.isBefore(certificate.getNotBefore().toInstant())
                && !now.isAfter(certificate.getNotAfter().toInstant());
    }

    private static boolean audienceIsGraph(JsonElement aud) {
        return aud instanceof JsonPrimitive primitive
                && primitive.isString()
                && primitive.getAsString().equalsIgnoreCase(AUDIENCE);
    }

    private static boolean inWindow(Optional<Long> nbf, Optional<Long> exp, Instant now) {
        if (nbf.isEmpty() || exp.isEmpty()) {
            return false;
        }
        Instant notBefore = Instant.ofEpochSecond(nbf.get());
        Instant expiry = Instant.ofEpochSecond(exp.get());
        return !expiry.isBefore(notBefore)
                && Duration.between(notBefore, expiry).compareTo(MAXIMUM_LIFETIME) <= 0
                && !now.isBefore(notBefore.minus(SKEW))
                && !now.isAfter(expiry.plus(SKEW));
    }

    static GraphException refused() {
        return new GraphException(401, "Authentication_MissingOrMalformed", "Access Token missing or malformed.");
    }
}

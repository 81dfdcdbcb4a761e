package dev.entrashell.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import static org.assertj.core.api.Assertions.assertThat;

/** The proof addKey/removeKey take, as Microsoft's application-addkey page describes it. */
class PossessionProofTest {

    @Test
    void isAnRs256JwtForAadGraphIssuedByTheObjectIdLivingTenMinutes() throws Exception {
        TestCertificates.Issued issued = TestCertificates.rsa("Proof", 2048);
        CertificateCredential signer = new CertificateCredential(
                List.of(issued.certificate()), issued.keys().getPrivate(), "test");
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        String proof = PossessionProof.sign(signer, "7c1d6a3e-0000-4000-8000-000000000001", now);

        String[] parts = proof.split("\\.");
        assertThat(parts).hasSize(3);
        JsonObject header = part(parts[0]);
        JsonObject claims = part(parts[1]);
        assertThat(header.get("alg").getAsString()).isEqualTo("RS256");
        assertThat(Base64.getUrlDecoder().decode(header.get("x5t").getAsString()))
                .isEqualTo(MessageDigest.getInstance("SHA-1")
                        .digest(issued.certificate().getEncoded()));
        assertThat(claims.get("aud").getAsString()).isEqualTo("00000002-0000-0000-c000-000000000000");
        assertThat(claims.get("iss").getAsString()).isEqualTo("7c1d6a3e-0000-4000-8000-000000000001");
        assertThat(claims.get("nbf").getAsLong()).isEqualTo(now.getEpochSecond());
        assertThat(claims.get("exp").getAsLong()).isEqualTo(now.getEpochSecond() + 600);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(issued.certificate().getPublicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    private static JsonObject part(String encoded) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }
}

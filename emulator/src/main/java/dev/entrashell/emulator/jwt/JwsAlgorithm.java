package dev.entrashell.emulator.jwt;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/** The JWS algorithms Entra accepts for client assertions, mapped onto the JDK's own {@link Signature}. */
public enum JwsAlgorithm {
    RS256,
    PS256;

    public static Optional<JwsAlgorithm> named(String alg) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.name().equals(alg)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    public boolean verify(PublicKey key, byte[] signingInput, byte[] signature) {
        try {
            Signature verifier = newSignature();
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a key of another type or a garbled signature is simply not a valid signature
        }
    }

    public byte[] sign(PrivateKey key, byte[] signingInput) {
        try {
            Signature signer = newSignature();
            signer.initSign(key);
            signer.update(signingInput);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + this, e);
        }
    }

    private Signature newSignature() throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
        return switch (this) {
            case RS256 -> Signature.getInstance("SHA256withRSA");
            case PS256 -> {
                // RFC 7518 section 3.5: SHA-256, MGF1 with SHA-256, salt as long as the hash.
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield pss;
            }
        };
    }
}

package dev.entrashell.emulator.tls;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** RSA key generation: the slow part of starting, so callers make each key once per start. */
public final class RsaKeys {
    public static final int BITS = 2048;

    private RsaKeys() {}

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is a required JDK algorithm", e);
        }
    }
}

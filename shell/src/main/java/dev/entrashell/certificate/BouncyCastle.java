package dev.entrashell.certificate;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * BouncyCastle's JCE provider, made once per JVM when a PEM key is first decrypted and passed
 * explicitly to the decryptors rather than installed globally, so the JVM's own providers keep serving
 * TLS and signatures.
 */
public final class BouncyCastle {
    private static final class Holder {
        // Immutable after construction and loaded lazily: this is a cache, not mutable shared state.
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    private BouncyCastle() {}

    public static Provider provider() {
        return Holder.PROVIDER;
    }
}

package dev.entrashell.certificate;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JCA provider that stands in for the operating system's: key store types registered under the names
 * SunMSCAPI and Apple's provider use, over in-memory stores, and, as on Windows, private keys that never
 * leave the "OS": {@link OpaqueKey} has no encoding and no modulus, and only this provider's
 * {@code SHA256withRSA} can sign with it, found by the JDK's delayed provider selection exactly as a
 * SunMSCAPI {@code CPrivateKey} is.
 */
final class FakeOsStores extends Provider {
    private static final long serialVersionUID = 1L;

    FakeOsStores() {
        super("EntraShellFakeOsStores", "1.0", "in-memory stand-ins for the OS certificate stores");
        putService(
                new Service(
                        this,
                        "Signature",
                        "SHA256withRSA",
                        OpaqueKeySigner.class.getName(),
                        null,
                        Map.of("SupportedKeyClasses", OpaqueKey.class.getName())) {
                    @Override
                    public Object newInstance(Object parameter) {
                        return new OpaqueKeySigner();
                    }
                });
    }

    /** Registers {@code type} (such as Windows-MY) as a read-only store of {@code entries}, by alias. */
    FakeOsStores store(String type, Map<String, Entry> entries) {
        putService(new Service(this, "KeyStore", type, ReadOnlyStore.class.getName(), null, null) {
            @Override
            public Object newInstance(Object parameter) {
                return new ReadOnlyStore(Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
            }
        });
        return this;
    }

    /** A private key held by the "OS": usable for signing through the provider, never readable. */
    static final class OpaqueKey implements PrivateKey {
        private static final long serialVersionUID = 1L;
        private final transient PrivateKey held;
        private final transient AtomicInteger signatures = new AtomicInteger();

        OpaqueKey(PrivateKey held) {
            this.held = held;
        }

        int signatures() {
            return signatures.get();
        }

        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    /** Signs with an {@link OpaqueKey} only; any other key is for the JDK's own providers. */
    public static final class OpaqueKeySigner extends SignatureSpi {
        private OpaqueKey key;
        private Signature inner;

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            if (!(privateKey instanceof OpaqueKey opaque)) {
                throw new InvalidKeyException("not a key of this store");
            }
            try {
                key = opaque;
                inner = Signature.getInstance("SHA256withRSA", "SunRsaSign");
                inner.initSign(opaque.held);
            } catch (GeneralSecurityException e) {
                throw new InvalidKeyException(e);
            }
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            throw new InvalidKeyException("this store only signs");
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            inner.update(b);
        }

        @Override
        protected void engineUpdate(byte[] bytes, int offset, int length) throws SignatureException {
            inner.update(bytes, offset, length);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            key.signatures.incrementAndGet();
            return inner.sign();
        }

        @Override
        protected boolean engineVerify(byte[] signature) throws SignatureException {
            throw new SignatureException("this store only signs");
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String name, Object value) {
            throw new InvalidParameterException(name);
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String name) {
            throw new InvalidParameterException(name);
        }
    }

    /** One alias of a store: a certificate chain, with its private key or (null) without one. */
    record Entry(Key key, Certificate... chain) {}

    /** A KeyStoreSpi over fixed entries, read-only as an OS store is to this shell; passwords are ignored. */
    static final class ReadOnlyStore extends KeyStoreSpi {
        private final Map<String, Entry> entries;

        ReadOnlyStore(Map<String, Entry> entries) {
            this.entries = entries;
        }

        @Override
        public Key engineGetKey(String alias, char[] password) {
            Entry entry = entries.get(alias);
            return entry == null ? null : entry.key();
        }

        @Override
        public Certificate[] engineGetCertificateChain(String alias) {
            Entry entry = entries.get(alias);
            return entry == null || entry.key() == null ? null : entry.chain().clone();
        }

        @Override
        public Certificate engineGetCertificate(String alias) {
            Entry entry = entries.get(alias);
            return entry == null ? null : entry.chain()[0];
        }

        @Override
        public Date engineGetCreationDate(String alias) {
            return entries.containsKey(alias) ? new Date() : null;
        }

        @Override
        public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain)
                throws KeyStoreException {
            throw new KeyStoreException("read-only");
        }

        @Override
        public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
            throw new KeyStoreException("read-only");
        }

        @Override
        public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
            throw new KeyStoreException("read-only");
        }

        @Override
        public void engineDeleteEntry(String alias) throws KeyStoreException {
            throw new KeyStoreException("read-only");
        }

        @Override
        public Enumeration<String> engineAliases() {
            return Collections.enumeration(entries.keySet());
        }

        @Override
        public boolean engineContainsAlias(String alias) {
            return entries.containsKey(alias);
        }

        @Override
        public int engineSize() {
            return entries.size();
        }

        @Override
        public boolean engineIsKeyEntry(String alias) {
            Entry entry = entries.get(alias);
            return entry != null && entry.key() != null;
        }

        @Override
        public boolean engineIsCertificateEntry(String alias) {
            Entry entry = entries.get(alias);
            return entry != null && entry.key() == null;
        }

        @Override
        public String engineGetCertificateAlias(Certificate cert) {
            return entries.entrySet().stream()
                    .filter(e -> e.getValue().chain()[0].equals(cert))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public void engineStore(OutputStream stream, char[] password) {}

        @Override
        public void engineLoad(InputStream stream, char[] password) {}
    }
}

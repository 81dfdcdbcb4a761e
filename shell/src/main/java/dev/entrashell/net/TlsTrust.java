package dev.entrashell.net;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.TrustedCaFile;

/**
 * The certificates an environment's endpoints are checked against: the JVM's own trust, plus the CAs of
 * the environment's {@code --ca-file}. Hostname verification stays on in every case.
 */
public record TlsTrust(SSLSocketFactory socketFactory, X509TrustManager trustManager) {

    /** The JVM's trust alone (a null file), or the JVM's trust plus the CAs in the file. */
    public static TlsTrust forCaFile(Path caFile) {
        try {
            X509TrustManager system = trustManager(null);
            X509TrustManager trust =
                    caFile == null ? system : new EitherTrustManager(system, trustManager(caKeyStore(caFile)));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trust}, null);
            return new TlsTrust(context.getSocketFactory(), trust);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ShellException(
                    "Cannot set up TLS trust" + (caFile == null ? "" : " for " + caFile) + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore caKeyStore(Path caFile) throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (X509Certificate ca : TrustedCaFile.read(caFile)) {
            store.setCertificateEntry("ca-" + i++, ca);
        }
        return store;
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X509TrustManager"));
    }

    /** Trusts a server that either the JVM or the environment's CA file trusts. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkClientTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(Arrays.asList(first.getAcceptedIssuers()));
            all.addAll(Arrays.asList(second.getAcceptedIssuers()));
            return all.toArray(new X509Certificate[0]);
        }
    }
}

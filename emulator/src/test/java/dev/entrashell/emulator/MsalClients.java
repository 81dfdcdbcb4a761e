package dev.entrashell.emulator;

import java.security.KeyStore;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;

/** The real MSAL4J 1.26 confidential client, set up as the shell sets it up, against one emulator. */
final class MsalClients {
    private static final Set<String> GRAPH = Set.of("https://graph.microsoft.com/.default");

    private final Emulator emulator;
    private final SSLSocketFactory trustingEmulator;

    MsalClients(Emulator emulator) {
        this.emulator = emulator;
        this.trustingEmulator = trusting(emulator);
    }

    /** A Graph token for the app, from a fresh application (so from the token endpoint, never a cache). */
    String acquire(String clientId, IClientCredential credential, String tenant, boolean sendX5c) throws Exception {
        ConfidentialClientApplication app = ConfidentialClientApplication.builder(clientId, credential)
                .authority(emulator.loginEndpoint() + "/" + tenant + "/")
                .instanceDiscovery(false)
                .sendX5c(sendX5c)
                .sslSocketFactory(trustingEmulator)
                .connectTimeoutForDefaultHttpClient(10_000)
                .readTimeoutForDefaultHttpClient(10_000)
                .disableInternalRetries()
                .build();
        try {
            IAuthenticationResult result = app.acquireToken(
                            ClientCredentialParameters.builder(GRAPH).build())
                    .get(30, TimeUnit.SECONDS);
            return result.accessToken();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static SSLSocketFactory trusting(Emulator emulator) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("emulator-ca", emulator.caCertificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The baseline for the shell's per-request overhead: a plain java.net.http client sending the same GET
 * with the same token to the same emulator. Run: java bench/PlainClient.java URL TOKEN_FILE CA_PEM N
 */
public class PlainClient {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = Files.readString(Path.of(args[1])).strip();
        X509Certificate ca;
        try (var in = Files.newInputStream(Path.of(args[2]))) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        int n = Integer.parseInt(args[3]);
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        for (int i = 0; i < 20; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofString()); // warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
        }
        System.out.printf("%.2f%n", (System.nanoTime() - start) / 1e6 / n);
    }
}

package dev.entrashell.emulator.demo;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The seeded demo tenant and everything a client needs to sign in as its demo app.
 *
 * @param thumbprintSha1Hex the certificate's SHA-1 thumbprint, 40 upper-case hex digits, as the
 *     Entra portal and Windows show it
 * @param pfxFile PKCS#12 file with the key and certificate, or null without a state directory
 * @param pfxPassword password of {@code pfxFile} (also of the in-memory PKCS#12, if a client makes one)
 * @param pemFile certificate followed by an unencrypted PKCS#8 private key, or null without a state
 *     directory
 */
public record DemoTenant(
        String tenantId,
        String domain,
        String organizationName,
        String clientId,
        String appName,
        List<String> roles,
        X509Certificate certificate,
        PrivateKey privateKey,
        String thumbprintSha1Hex,
        String clientSecret,
        Path pfxFile,
        char[] pfxPassword,
        Path pemFile) {

    /** Never prints the secret, the password or the key. */
    @Override
    public String toString() {
        return "DemoTenant[tenantId=" + tenantId + ", domain=" + domain + ", clientId=" + clientId + ", appName="
                + appName + ", roles=" + roles + ", thumbprint=" + thumbprintSha1Hex + ", pfxFile=" + pfxFile
                + ", pemFile=" + pemFile + "]";
    }
}

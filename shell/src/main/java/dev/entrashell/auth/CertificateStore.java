package dev.entrashell.auth;

import java.nio.file.Path;
import java.util.List;

import dev.entrashell.session.ShellHome;

/**
 * A place certificates are kept: a folder of {@code .pfx}/{@code .p12}/{@code .pem} files, or a single
 * PKCS#12 file. {@code label} is how messages name it.
 */
public record CertificateStore(String label, Path location) {

    public static final String DEFAULT = "default";

    /**
     * The stores that {@code --store STORE} names: a path, or {@code default}, which is
     * {@code $ENTRA_SHELL_HOME/certs} and then the folder where PowerShell on Linux keeps its
     * CurrentUser\My store, so certificates added with {@code X509Store.Add} are found too.
     */
    public static List<CertificateStore> resolve(String store, ShellHome home) {
        if (store == null || store.equalsIgnoreCase(DEFAULT)) {
            Path dotnet =
                    Path.of(System.getProperty("user.home"), ".dotnet", "corefx", "cryptography", "x509stores", "my");
            return List.of(
                    new CertificateStore(home.certificateStore().toString(), home.certificateStore()),
                    new CertificateStore(dotnet + " (PowerShell CurrentUser\\My)", dotnet));
        }
        Path path = Path.of(store).toAbsolutePath().normalize();
        return List.of(new CertificateStore(path.toString(), path));
    }
}

package dev.entrashell.certificate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.ShellHome;

/**
 * A place certificates are kept: a folder of {@code .pfx}/{@code .p12}/{@code .pem} files, or a single
 * PKCS#12 file. {@code label} is how messages name it.
 */
public record CertificateStore(String label, Path location, String keyStoreType) {

    /** A folder or file store. */
    public CertificateStore(String label, Path location) {
        this(label, location, null);
    }

    /** A store the JDK reads through a {@link java.security.KeyStore} type, such as Windows-MY. */
    static CertificateStore system(String label, String keyStoreType) {
        return new CertificateStore(label, null, keyStoreType);
    }

    public static final String DEFAULT = "default";

    /**
     * The stores that {@code --store STORE} names: a path, or {@code default}, which is
     * {@code $ENTRA_SHELL_HOME/certs} and then the folder where PowerShell on Linux keeps its
     * CurrentUser\My store, so certificates added with {@code X509Store.Add} are found too.
     */
    public static List<CertificateStore> resolve(String store, ShellHome home) {
        if (store == null || store.equalsIgnoreCase(DEFAULT)) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            CertificateStore own = new CertificateStore(home.certificateStore().toString(), home.certificateStore());
            if (os.startsWith("windows")) {
                // Windows-MY is CurrentUser\My; Windows-MY-LOCALMACHINE came with JDK 19 (JDK-6782021) and later 17
                // updates; where a JDK lacks it, the search says "not available on this Java".
                return List.of(
                        system("Windows CurrentUser\\My", "Windows-MY"),
                        system("Windows LocalMachine\\My", "Windows-MY-LOCALMACHINE"),
                        own);
            }
            if (os.startsWith("mac")) {
                return List.of(system("macOS login keychain", "KeychainStore"), own);
            }
            Path dotnet =
                    Path.of(System.getProperty("user.home"), ".dotnet", "corefx", "cryptography", "x509stores", "my");
            return List.of(own, new CertificateStore(dotnet + " (PowerShell CurrentUser\\My)", dotnet));
        }
        Path path = Path.of(store).toAbsolutePath().normalize();
        return List.of(new CertificateStore(path.toString(), path));
    }

    /**
     * The folder that {@code cert new} and {@code cert import} put a certificate in: for {@code default},
     * {@code $ENTRA_SHELL_HOME/certs} (on every system, since the shell does not write to the OS stores),
     * else the folder named.
     */
    public static Path folderFor(String store, ShellHome home) {
        if (store == null || store.equalsIgnoreCase(DEFAULT)) {
            return home.certificateStore();
        }
        Path path = Path.of(store).toAbsolutePath().normalize();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw ShellException.usage("--store " + store + " is a file; certificates are added to a folder store: "
                    + "give a folder, or leave out --store for " + home.certificateStore() + ".");
        }
        return path;
    }
}

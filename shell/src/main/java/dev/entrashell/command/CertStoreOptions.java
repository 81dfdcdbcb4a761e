package dev.entrashell.command;

import java.nio.file.Path;
import java.util.List;

import dev.entrashell.certificate.CertificateStore;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Option;

/** {@code --store} of the cert commands, which either search stores (list, show, export) or add to one (new, import). */
final class CertStoreOptions {
    private CertStoreOptions() {}

    /** The stores to look in, as connect --thumbprint looks. */
    static final class Searched {
        @Option(
                names = "--store",
                paramLabel = "STORE",
                defaultValue = CertificateStore.DEFAULT,
                description =
                        "Where to look: default (the stores connect searches), a .pfx/.p12 file or a folder of them.")
        String store;

        List<CertificateStore> stores(ShellServices services) {
            return CertificateStore.resolve(store, services.home());
        }
    }

    /** The folder a certificate is added to. */
    static final class Added {
        @Option(
                names = "--store",
                paramLabel = "STORE",
                defaultValue = CertificateStore.DEFAULT,
                description = "The folder to add it to: default ($ENTRA_SHELL_HOME/certs) or a path.")
        String store;

        Path folder(ShellServices services) {
            return CertificateStore.folderFor(store, services.home());
        }

        /** As given: {@code default} or the path, for the connect line that finds the certificate there. */
        String name() {
            return store;
        }
    }
}

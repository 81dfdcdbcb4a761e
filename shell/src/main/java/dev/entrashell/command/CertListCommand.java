package dev.entrashell.command;

import java.util.List;

import com.google.gson.JsonObject;

import dev.entrashell.certificate.CertificateInventory;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "list",
        description = "List the certificates in the stores, each checked against Entra ID's requirements.",
        footer = {
            "",
            "Status is OK when Entra ID takes the certificate and connect can sign in with it; Problems names what",
            "fails (cert show THUMBPRINT says why and what to do). A .pfx whose certificate is encrypted is listed",
            "once its password is given.",
            "",
            "Examples:",
            "  cert list",
            "  cert list --store ./certs --output json",
            "  cert list --query \"[?Status=='FAIL'].[Thumbprint, Problems]\""
        })
final class CertListCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Mixin
    CertStoreOptions.Searched store;

    @Mixin
    PasswordOptions password;

    @Mixin
    OutputOptions output;

    private final ShellServices services;

    CertListCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        CertificateInventory.Listing listing = CertificateInventory.list(
                store.stores(services),
                password.passwords(services),
                services.clock().instant());
        List<JsonObject> rows =
                listing.certificates().stream().map(CertView::row).toList();
        output.rows(services.output(), rows);
        if (rows.isEmpty()) {
            services.output()
                    .err()
                    .println("No certificates. Searched: " + String.join("; ", listing.searched())
                            + ". Make one with cert new, or add one with cert import.");
        }
        if (!listing.notes().isEmpty()) {
            services.output().err().println(listing.notes());
        }
        services.output().err().flush();
    }
}

package dev.entrashell.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.entrashell.certificate.CertificateImport;
import dev.entrashell.output.ListPrinter;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        description = "Copy a certificate with its private key (.pfx/.p12, or PEM) into a store, checked first.",
        footer = {
            "",
            "The file is stored unchanged (same password) as THUMBPRINT.pfx or THUMBPRINT.pem, where connect",
            "--thumbprint finds it. A file without the private key, one Entra ID would refuse, and one already in",
            "the store are refused.",
            "",
            "Examples:",
            "  cert import ./app.pfx --password-env PFX_PASSWORD",
            "  cert import ./app.pem --store ./certs"
        })
final class CertImportCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "A .pfx/.p12 file, or a PEM file with certificate and key.")
    Path file;

    @Mixin
    CertStoreOptions.Added store;

    @Mixin
    PasswordOptions password;

    private final ShellServices services;

    CertImportCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        CertificateImport.Imported imported = CertificateImport.into(
                file,
                store.folder(services),
                password.passwords(services),
                services.clock().instant());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Thumbprint", imported.credential().thumbprint().hex());
        fields.put("Subject", imported.credential().subject());
        fields.put("File", imported.file().toString());
        ListPrinter.print(services.output().out(), fields);
        services.output().out().flush();
        var err = services.output().err();
        Optional<String> passwordOptions = imported.needsPassword() ? password.forConnect() : Optional.empty();
        err.println("Imported into the store. Connect with:");
        err.println("  " + CertCommand.connectLine(imported.credential().thumbprint(), store.name(), passwordOptions));
        if (imported.needsPassword() && passwordOptions.isEmpty()) {
            err.println("  (it asks for the file's password; scripts give it with --password-file or --password-env)");
        }
        err.flush();
    }
}

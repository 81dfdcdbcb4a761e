package dev.entrashell.command;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import dev.entrashell.certificate.CertificateInventory;
import dev.entrashell.certificate.CertificateReport;
import dev.entrashell.certificate.Thumbprint;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        description = "Show one certificate's details and whether it meets each of Entra ID's requirements.",
        footer = {
            "",
            "Examples:",
            "  cert show 0F3A...            (searched in the default stores, or in --store)",
            "  cert show ./app.pfx --password-env PFX_PASSWORD",
            "  cert show ./app.cer --output json"
        })
final class CertShowCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            paramLabel = "THUMBPRINT|FILE",
            completionCandidates = StoreThumbprints.class,
            description = "A SHA-1 thumbprint, or a .pfx/.p12, PEM or DER (.cer/.crt) file.")
    String target;

    @Mixin
    CertStoreOptions.Searched store;

    @Mixin
    PasswordOptions password;

    @Mixin
    OutputOptions output;

    private final ShellServices services;

    CertShowCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        CertificateReport report = file(target)
                ? CertificateInventory.read(
                        Path.of(target),
                        password.passwords(services),
                        services.clock().instant())
                : CertificateInventory.find(
                        Thumbprint.parse(target),
                        store.stores(services),
                        password.passwords(services),
                        services.clock().instant());
        output.object(services.output(), CertView.details(report));
        if (!report.acceptable()) { // the details are printed; the exit code says whether connect can use it
            throw new ShellException("Certificate " + report.thumbprint().hex() + " fails "
                    + report.failures().stream()
                            .map(check -> check.requirement().label() + " (" + check.finding() + ")")
                            .collect(Collectors.joining(", "))
                    + ": " + report.failures().get(0).advice());
        }
    }

    /** A file when one is there, or when it is written like one (then reading it says it is missing). */
    private static boolean file(String target) {
        try {
            return Files.exists(Path.of(target))
                    || target.contains("/")
                    || target.contains("\\")
                    || target.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(pfx|p12|pem|cer|crt|der)");
        } catch (InvalidPathException e) {
            return false;
        }
    }
}

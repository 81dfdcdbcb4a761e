package dev.entrashell.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Locale;

import dev.entrashell.certificate.CertificateEncodings;
import dev.entrashell.certificate.CertificateInventory;
import dev.entrashell.certificate.Thumbprint;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        description = "Write a stored certificate's public part (never its key) as DER .cer or PEM, to upload it.",
        footer = {
            "",
            "Examples:",
            "  cert export 0F3A... --format cer --out app.cer",
            "  cert export 0F3A... --format pem             (prints it)"
        })
final class CertExportCommand implements Runnable {
    enum Format {
        cer,
        pem
    }

    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            paramLabel = "THUMBPRINT",
            completionCandidates = StoreThumbprints.class,
            description = "The certificate's SHA-1 thumbprint.")
    String thumbprint;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "cer (DER, binary) or pem (text). Default: cer for an --out file ending in .cer or .der, else pem.")
    Format format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write to this file instead of printing the PEM (needed for --format cer).")
    Path out;

    @Option(names = "--force", description = "With --out: replace the file if it exists.")
    boolean force;

    @Mixin
    CertStoreOptions.Searched store;

    @Mixin
    PasswordOptions password;

    private final ShellServices services;

    CertExportCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        Format chosen = format != null ? format : out != null && der(out) ? Format.cer : Format.pem;
        if (chosen == Format.cer && out == null) {
            throw ShellException.usage(
                    "--format cer is binary DER: give --out FILE, or --format pem to print the certificate.");
        }
        if (out != null) {
            OutFile.refuseToReplace(out, force);
        }
        X509Certificate certificate = CertificateInventory.find(
                        Thumbprint.parse(thumbprint),
                        store.stores(services),
                        password.passwords(services),
                        services.clock().instant())
                .certificate();
        if (out == null) {
            services.output().out().print(CertificateEncodings.pem(certificate));
            services.output().out().flush();
            return;
        }
        byte[] content = chosen == Format.cer
                ? CertificateEncodings.der(certificate)
                : CertificateEncodings.pem(certificate).getBytes(StandardCharsets.US_ASCII);
        OutFile file = OutFile.begin(out, force, OutFile.Readers.EVERYONE);
        try {
            file.stream().write(content);
            file.commit();
        } finally {
            file.abandon();
        }
        services.output()
                .err()
                .println("Wrote certificate " + Thumbprint.of(certificate) + " (public part only, "
                        + (chosen == Format.cer ? "DER" : "PEM") + ") to " + out + ".");
        services.output().err().flush();
    }

    private static boolean der(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".cer") || name.endsWith(".der");
    }
}

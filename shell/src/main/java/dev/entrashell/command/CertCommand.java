package dev.entrashell.command;

import java.util.Optional;

import dev.entrashell.certificate.CertificateStore;
import dev.entrashell.certificate.Thumbprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "cert",
        description = "Make, list, check, export, import and rotate the client certificates apps sign in with.",
        subcommands = {
            CertNewCommand.class,
            CertListCommand.class,
            CertShowCommand.class,
            CertExportCommand.class,
            CertImportCommand.class,
            CertRotateCommand.class
        })
final class CertCommand {
    @Mixin
    HelpOption help;

    /**
     * The connect line that uses a certificate now in a store: the store when it is not the default, and
     * the password options that opened the file (without them, an interactive connect asks).
     */
    static String connectLine(Thumbprint thumbprint, String store, Optional<String> passwordOptions) {
        return "connect --tenant-id TENANT --client-id APP_ID --thumbprint " + thumbprint
                + (store.equalsIgnoreCase(CertificateStore.DEFAULT) ? "" : " --store " + LineTokenizer.quote(store))
                + passwordOptions.map(options -> " " + options).orElse("");
    }
}

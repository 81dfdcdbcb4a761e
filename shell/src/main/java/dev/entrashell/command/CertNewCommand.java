package dev.entrashell.command;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.entrashell.certificate.NewCertificate;
import dev.entrashell.errors.ShellException;
import dev.entrashell.output.ListPrinter;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "new",
        description =
                "Make a self-signed certificate that Entra ID accepts: the key into the store, the .cer to upload.",
        footer = {
            "",
            "The private key goes, password-protected, into the store as THUMBPRINT.pfx; the public part goes to",
            "NAME.cer and NAME.pem in --out, for the app registration's Certificates & secrets page.",
            "",
            "Examples:",
            "  cert new --subject 'CN=Nightly Sync'",
            "  cert new --subject 'CN=Nightly Sync' --months 24 --out ~/upload --password-env PFX_PASSWORD"
        })
final class CertNewCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Option(
            names = "--subject",
            required = true,
            paramLabel = "NAME",
            description = "The certificate's subject: 'CN=Name' (or just Name), also its name in the app registration.")
    String subject;

    @Mixin
    NewKeyOptions key;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The folder for the .cer and .pem to upload (default: the current folder).")
    Path out;

    @Mixin
    CertStoreOptions.Added store;

    @Mixin
    PasswordOptions password;

    private final ShellServices services;

    CertNewCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        NewCertificate plan = NewCertificate.plan(
                subject, key.months, key.keySize, out == null ? Path.of("") : out, store.folder(services));
        char[] secret = password.forNewFile(services, "cert new");
        try {
            if (secret.length == 0) {
                throw ShellException.usage("The password is empty; the .pfx holds the private key and needs one.");
            }
            NewCertificate.Created created = plan.create(secret, services.clock());
            report(created);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The certificate's facts are the data (stdout); what to do next is advice (stderr). */
    private void report(NewCertificate.Created created) {
        var err = services.output().err();
        err.println("Made " + created.certificate().getSubjectX500Principal().getName() + ": RSA " + key.keySize
                + ", SHA256withRSA, clientAuth, valid until "
                + created.certificate().getNotAfter().toInstant() + ".");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Thumbprint", created.thumbprint().hex());
        fields.put("NotAfter", created.certificate().getNotAfter().toInstant().toString());
        fields.put("PrivateKey", created.pfx() + " (password-protected)");
        fields.put("Upload", created.upload().cer().toString());
        ListPrinter.print(services.output().out(), fields);
        services.output().out().flush();
        Optional<String> passwordOptions = password.forConnect();
        err.println("Upload " + created.upload().cer() + " (or the .pem beside it) to the app registration:"
                + " Certificates & secrets, Certificates, Upload certificate. Then connect with:");
        err.println("  " + CertCommand.connectLine(created.thumbprint(), store.name(), passwordOptions));
        if (passwordOptions.isEmpty()) {
            err.println("  (it asks for the .pfx password; scripts give it with --password-file or --password-env)");
        }
        err.flush();
    }
}

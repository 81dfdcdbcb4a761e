package dev.entrashell.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.gson.GsonBuilder;

import dev.entrashell.certificate.NewCertificate;
import dev.entrashell.errors.ShellException;
import dev.entrashell.output.Json;
import dev.entrashell.output.ListPrinter;
import dev.entrashell.rotation.CertificateRotation;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "rotate",
        description =
                "Roll the connected app's own certificate through Graph (addKey/removeKey): no permission needed.",
        footer = {
            "",
            "When the current certificate expires within --before days, it makes a new one (same subject), adds it",
            "to the app with a proof signed by the current key, signs in with it, switches the session to it,",
            "removes the old key (unless --keep-old) and keeps the old key file aside. Safe to run again after a",
            "failure: it finishes the rotation under way. An app that may not read its own registration needs",
            "--object-id and --old-key-id once (the portal shows both); later runs remember them.",
            "",
            "Examples:",
            "  cert rotate --password-env PFX_PASSWORD",
            "  cert rotate --before 0 --dry-run",
            "  entra-shell -c \"connect --tenant-id T --client-id APP --subject-name 'CN=Sync' --password-env P\" -c 'cert rotate --password-env P'"
        })
final class CertRotateCommand implements Runnable {
    enum Format {
        list,
        json
    }

    @Mixin
    HelpOption help;

    @Option(
            names = "--before",
            paramLabel = "DAYS",
            defaultValue = "30",
            description =
                    "Rotate when the certificate expires within this many days; 0 rotates now (default: ${DEFAULT-VALUE}).")
    int beforeDays;

    @Mixin
    NewKeyOptions key;

    @Option(names = "--keep-old", description = "Leave the old certificate on the app (it signs in until it expires).")
    boolean keepOld;

    @Option(names = "--dry-run", description = "Say what would be done; write nothing, here or on the app.")
    boolean dryRun;

    @Option(
            names = "--store",
            paramLabel = "STORE",
            description = "The folder for the new key (default: beside the current key file).")
    String store;

    @Option(
            names = "--object-id",
            paramLabel = "ID",
            description = "The app registration's object id, when the app may not read itself.")
    String objectId;

    @Option(
            names = "--old-key-id",
            paramLabel = "ID",
            description = "The current certificate's key id on the app, when the app may not read itself.")
    String oldKeyId;

    @Option(
            names = {"--output", "-o"},
            paramLabel = "FORMAT",
            defaultValue = "list",
            description = "list or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PasswordOptions password;

    private final ShellServices services;

    CertRotateCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        if (beforeDays < 0) {
            throw ShellException.usage("--before " + beforeDays
                    + " is negative: give the days before expiry to rotate at, or 0 to rotate now.");
        }
        NewCertificate.checkLifetimeAndKeySize(key.months, key.keySize);
        Optional<CertificateRotation.Rotated> rotated = new CertificateRotation(services)
                .rotate(
                        new CertificateRotation.Options(
                                beforeDays, key.months, key.keySize, keepOld, dryRun, store, objectId, oldKeyId),
                        () -> password.forNewFile(services, "cert rotate"));
        rotated.ifPresent(this::report);
    }

    /** The new certificate's facts are the data (stdout). */
    private void report(CertificateRotation.Rotated rotated) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Thumbprint", rotated.thumbprint().hex());
        fields.put("NotAfter", rotated.notAfter().toString());
        fields.put("PrivateKey", rotated.pfx().toString());
        fields.put("KeyId", rotated.keyId());
        fields.put(
                "OldKeyKeptAs",
                rotated.oldKeptAside() == null ? null : rotated.oldKeptAside().toString());
        if (format == Format.json) {
            services.output()
                    .out()
                    .println(Json.pretty(
                            new GsonBuilder().serializeNulls().create().toJsonTree(fields)));
        } else {
            fields.values().removeIf(value -> value == null);
            ListPrinter.print(services.output().out(), fields);
        }
        services.output().out().flush();
    }
}

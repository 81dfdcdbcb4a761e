package dev.entrashell.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.entrashell.auth.Credential;
import dev.entrashell.certificate.Passwords;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code connect}'s credential forms, an exclusive group as Connect-MgGraph's parameter sets are:
 * picocli refuses a second form (or a second option of the secret or token family), and
 * {@link #explain} words that refusal as the shell does.
 */
final class CredentialOptions {
    /** The forms in the order they are named in when two are given. */
    private static final List<String> FORMS = List.of(
            "--thumbprint",
            "--subject-name",
            "--certificate",
            "--secret",
            "--secret-file",
            "--secret-env",
            "--federated-token-file",
            "--identity",
            "--env",
            "--access-token",
            "--access-token-file",
            "--access-token-env");

    static final String NONE =
            "connect needs a credential: --thumbprint HEX, --subject-name NAME, --certificate FILE, --secret, "
                    + "--federated-token-file FILE, --identity, --env or --access-token. See 'help connect'.";

    @Option(
            names = {"--thumbprint", "--certificate-thumbprint"},
            completionCandidates = StoreThumbprints.class,
            paramLabel = "HEX",
            description =
                    "Find the certificate by its SHA-1 thumbprint in a store (spaces, colons and case are ignored).")
    String thumbprint;

    @Option(
            names = {"--subject-name", "--certificate-name", "--certificate-subject-name"},
            paramLabel = "NAME",
            description = "Find the newest valid certificate with this subject (CN=Name or Name) in a store.")
    String subjectName;

    @Option(
            names = {"--certificate", "--certificate-path"},
            paramLabel = "FILE",
            description = "A .pfx/.p12 file, or a PEM file with the certificate and its private key.")
    Path certificate;

    @ArgGroup(exclusive = true)
    ClientSecretOptions secret;

    @Option(
            names = "--federated-token-file",
            paramLabel = "FILE",
            description =
                    "Use the token in this file as the client assertion (workload identity federation); it is read again for every token.")
    Path federatedTokenFile;

    @Option(
            names = {"--identity", "--managed-identity"},
            description =
                    "Use this host's managed identity: system-assigned, or user-assigned with --client-id, --object-id or --resource-id.")
    boolean identity;

    @Option(
            names = {"--env", "--environment-variable"},
            description =
                    "Read AZURE_TENANT_ID, AZURE_CLIENT_ID and one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH, AZURE_FEDERATED_TOKEN_FILE.")
    boolean fromEnvironment;

    @ArgGroup(exclusive = true)
    AccessTokenOptions accessToken;

    /** The app's own credential from the options, for the forms that need a tenant and a client id. */
    Credential appCredential(String store, Supplier<Passwords> passwords, ShellServices services) {
        if (certificate != null) {
            return new Credential.CertificateFile(certificate, passwords.get());
        }
        if (thumbprint != null) {
            return Credential.CertificateThumbprint.of(thumbprint, store, passwords.get());
        }
        if (subjectName != null) {
            return Credential.CertificateSubject.of(subjectName, store, passwords.get());
        }
        if (federatedTokenFile != null) {
            return new Credential.FederatedTokenFile(federatedTokenFile);
        }
        return secret.credential(services);
    }

    /**
     * picocli's refusal of a second form, as one line naming the forms given; else nothing. picocli says
     * "mutually exclusive" or, when the second form starts a second match of the group, "expected only
     * one match".
     */
    static Optional<String> explain(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.MutuallyExclusiveArgsException)
                && !(e instanceof CommandLine.MaxValuesExceededException)) {
            return Optional.empty();
        }
        CommandLine.ParseResult parsed = e.getCommandLine().getParseResult();
        List<String> given = FORMS.stream().filter(parsed::hasMatchedOption).toList();
        if (given.size() == 1) {
            // one form given twice: what picocli says of any other option given twice
            CommandLine.Model.OptionSpec option =
                    e.getCommandLine().getCommandSpec().findOption(given.get(0));
            return Optional.of("option '" + option.longestName() + "'"
                    + (option.arity().max() > 0 ? " (" + option.paramLabel() + ")" : "")
                    + " should be specified only once. See 'help connect'.");
        }
        if (given.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("connect takes one credential form, but got " + String.join(" and ", given) + "; keep one.");
    }
}

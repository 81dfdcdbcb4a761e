package dev.entrashell.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.entrashell.certificate.CertificateStore;
import dev.entrashell.connection.SavedConnection;
import dev.entrashell.output.ShellOutput;

/**
 * What {@code connect ... --name NAME} saves: the options of the line as references. Paths are made
 * absolute (cron starts elsewhere); a secret given inline or at the prompt is not saved but asked for
 * again, and the user is told how to make the connection unattended.
 */
final class ConnectRecipe {
    private ConnectRecipe() {}

    static SavedConnection of(ConnectCommand line, String name, ShellOutput output) {
        CredentialOptions form = line.credential;
        Map<String, String> credential = new LinkedHashMap<>();
        put(credential, "thumbprint", form.thumbprint);
        put(credential, "subject-name", form.subjectName);
        if (form.thumbprint != null || form.subjectName != null) {
            put(
                    credential,
                    "store",
                    line.store.equalsIgnoreCase(CertificateStore.DEFAULT) ? null : storeReference(line.store));
        }
        put(credential, "certificate", form.certificate);
        put(credential, "password-file", line.password.file);
        put(credential, "password-env", line.password.variable);
        boolean secretAsked = form.secret != null && form.secret.value != null;
        if (secretAsked) {
            credential.put("secret", SavedConnection.ASK);
        }
        if (form.secret != null) {
            put(credential, "secret-file", form.secret.file);
            put(credential, "secret-env", form.secret.variable);
        }
        put(credential, "federated-token-file", form.federatedTokenFile);
        if (form.identity) {
            credential.put("identity", "true");
        }
        put(credential, "object-id", line.objectId);
        put(credential, "resource-id", line.resourceId);
        if (form.fromEnvironment) {
            credential.put("env", "true");
        }
        if (form.accessToken != null) {
            if (form.accessToken.value != null) {
                credential.put("access-token", SavedConnection.ASK);
            }
            put(credential, "access-token-file", form.accessToken.file);
            put(credential, "access-token-env", form.accessToken.variable);
        }
        SavedConnection saved = new SavedConnection(
                name,
                line.tenant == null ? null : line.tenant.strip(),
                line.clientId,
                line.environment,
                credential,
                line.sendCertificateChain,
                line.timeoutSeconds == Integer.parseInt(ConnectCommand.DEFAULT_TIMEOUT_SECONDS)
                        ? null
                        : line.timeoutSeconds);
        output.warn("Saved as '" + name + "': 'connect " + name + "' connects this way again.");
        if (saved.asks()) {
            output.warn("The " + (secretAsked ? "secret" : "token")
                    + " itself is not saved: 'connect " + name + "' asks for it. To connect unattended, save it with "
                    + (secretAsked ? "--secret-file or --secret-env" : "--access-token-file or --access-token-env")
                    + " instead.");
        }
        return saved;
    }

    /** A store that is a file or folder is saved as an absolute path; a named store as its name. */
    private static String storeReference(String store) {
        Path path = Path.of(store);
        return path.toFile().exists() ? path.toAbsolutePath().toString() : store;
    }

    private static void put(Map<String, String> credential, String option, Object value) {
        if (value instanceof Path path) {
            credential.put(option, path.toAbsolutePath().normalize().toString());
        } else if (value != null) {
            credential.put(option, value.toString());
        }
    }
}

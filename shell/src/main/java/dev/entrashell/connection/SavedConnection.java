package dev.entrashell.connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;

/**
 * How to connect again, never with what: the tenant, client id, environment and the credential's
 * <em>reference</em> as {@code connect} options without their dashes (a thumbprint and store, a
 * certificate path, the name of a password, secret or token file or variable, managed identity ids).
 * A secret typed at a prompt or given inline is saved as {@value #ASK}: it is asked for again.
 */
public record SavedConnection(
        String name,
        String tenant,
        String clientId,
        String environment,
        Map<String, String> credential,
        boolean sendCertificateChain,
        Integer timeoutSeconds) {

    /** The value of {@code secret} and {@code access-token}: ask at the terminal, the value is not kept. */
    public static final String ASK = "ask";

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final Set<String> FLAGS = Set.of("identity", "env");
    private static final Set<String> ASKED = Set.of("secret", "access-token");
    private static final Set<String> REFERENCES = Set.of(
            "thumbprint",
            "subject-name",
            "store",
            "certificate",
            "password-file",
            "password-env",
            "secret-file",
            "secret-env",
            "federated-token-file",
            "object-id",
            "resource-id",
            "access-token-file",
            "access-token-env");

    public SavedConnection {
        credential = credential == null ? Map.of() : new LinkedHashMap<>(credential);
    }

    /** A name a connection can be saved under: it is typed at the prompt and in scripts. */
    public static String checkName(String name) {
        if (name == null || !name.matches(NAME)) {
            throw ShellException.usage("Connection name '" + Printable.of(String.valueOf(name))
                    + "' is not valid: use letters, digits, '.', '_' or '-' (at most 64 characters).");
        }
        return name;
    }

    public boolean isNamed(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** The {@code connect} arguments that connect this way; fails on what a hand edit got wrong. */
    public List<String> connectArguments() {
        List<String> arguments = new ArrayList<>();
        add(arguments, "--tenant-id", tenant);
        add(arguments, "--client-id", clientId);
        add(arguments, "--environment", environment);
        List<String> asked = new ArrayList<>();
        credential.forEach((option, value) -> {
            if (FLAGS.contains(option)) {
                arguments.add("--" + option);
            } else if (ASKED.contains(option)) {
                if (!ASK.equals(value)) {
                    throw new ShellException("Saved connection '" + name + "' holds a value for '" + option
                            + "', but a saved connection keeps no secret: write \"" + ASK + "\" (asked at connect), "
                            + "or use " + option + "-file or " + option + "-env.");
                }
                asked.add("--" + option);
            } else if (REFERENCES.contains(option) && value != null) {
                arguments.add("--" + option);
                arguments.add(value);
            } else {
                throw new ShellException("Saved connection '" + name + "' has an unknown credential entry '"
                        + Printable.of(option) + "': expected one of " + String.join(", ", known()) + ".");
            }
        });
        if (sendCertificateChain) {
            arguments.add("--send-certificate-chain");
        }
        if (timeoutSeconds != null) {
            arguments.add("--timeout");
            arguments.add(timeoutSeconds.toString());
        }
        arguments.addAll(asked); // last: an option whose value is optional must not take the next word
        return arguments;
    }

    /** The credential's kind, as {@code context} names it, for listings. */
    public String credentialType() {
        if (credential.containsKey("identity")) {
            return "ManagedIdentity";
        }
        if (credential.containsKey("env")) {
            return "AZURE_* variables";
        }
        for (String option : credential.keySet()) {
            if (option.startsWith("secret")) {
                return "ClientSecret";
            }
            if (option.startsWith("access-token")) {
                return "UserProvidedAccessToken";
            }
            if (option.startsWith("federated")) {
                return "FederatedToken";
            }
        }
        return "ClientCertificate";
    }

    /** Whether connecting this way needs someone at a terminal (a secret saved as asked for). */
    public boolean asks() {
        return credential.values().stream().anyMatch(ASK::equals);
    }

    private static List<String> known() {
        List<String> known = new ArrayList<>(REFERENCES);
        known.addAll(FLAGS);
        known.addAll(ASKED);
        known.sort(null);
        return known;
    }

    private static void add(List<String> arguments, String option, String value) {
        if (value != null) {
            arguments.add(option);
            arguments.add(value);
        }
    }
}

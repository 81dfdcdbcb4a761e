package dev.entrashell.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.ClientCredentialFactory;

import dev.entrashell.certificate.CertificateFiles;
import dev.entrashell.certificate.CertificateFinder;
import dev.entrashell.certificate.Passwords;
import dev.entrashell.certificate.Thumbprint;
import dev.entrashell.errors.ShellException;
import dev.entrashell.session.InputFiles;

/**
 * The one credential a {@code connect} line chose, as azure-identity has one credential class per way
 * to sign in: immutable values, each made by a factory that refuses a bad value with a
 * {@link CredentialNotConfiguredException} before anything is read or sent. {@link #prepare} then
 * loads what the credential names (a certificate and its key, a token file) and says how it gets its
 * tokens; the {@link Connector} makes the first request.
 */
public sealed interface Credential {

    /** Checks and loads what the credential names; nothing is sent yet. */
    SignIn prepare(SignInContext context);

    /**
     * Whether the credential names its own tenant and app (a managed identity, a given token), so a
     * request names neither; every other credential signs in as an app the request names.
     */
    default boolean carriesItsOwnIdentity() {
        return false;
    }

    /** {@code --certificate FILE}: a .pfx/.p12 or PEM file holding the certificate and its key. */
    record CertificateFile(Path file, Passwords passwords) implements Credential {
        @Override
        public SignIn prepare(SignInContext context) {
            return context.withCertificate(CertificateFiles.load(file, passwords));
        }
    }

    /** {@code --thumbprint HEX [--store STORE]}: a certificate found by thumbprint in the stores. */
    record CertificateThumbprint(Thumbprint thumbprint, String store, Passwords passwords) implements Credential {
        /** The thumbprint as typed or pasted: spaces, colons, invisible marks and case do not matter. */
        public static CertificateThumbprint of(String thumbprint, String store, Passwords passwords) {
            try {
                return new CertificateThumbprint(Thumbprint.parse(thumbprint), store, passwords);
            } catch (ShellException e) {
                throw CredentialNotConfiguredException.of(e);
            }
        }

        @Override
        public SignIn prepare(SignInContext context) {
            return context.withCertificate(
                    CertificateFinder.byThumbprint(thumbprint, context.stores(store), passwords));
        }
    }

    /** {@code --subject-name NAME [--store STORE]}: the newest valid certificate with that subject. */
    record CertificateSubject(String subject, String store, Passwords passwords) implements Credential {
        public static CertificateSubject of(String subject, String store, Passwords passwords) {
            if (subject.isBlank() || subject.strip().equalsIgnoreCase("CN=")) {
                throw new CredentialNotConfiguredException("--subject-name is empty: give the certificate's "
                        + "subject, such as 'CN=My Automation' (see 'cert list').");
            }
            return new CertificateSubject(subject, store, passwords);
        }

        @Override
        public SignIn prepare(SignInContext context) {
            return context.withCertificate(CertificateFinder.bySubject(subject, context.stores(store), passwords));
        }
    }

    /** {@code --secret}, {@code --secret-file}, {@code --secret-env}, {@code AZURE_CLIENT_SECRET}: a client secret. */
    record ClientSecret(Secret secret) implements Credential {
        /** Typed at the prompt or given inline with {@code --secret}. */
        public static ClientSecret given(char[] secret) {
            return checked(
                    secret,
                    "--secret is empty: give the client secret's value (the Value column under "
                            + "Certificates & secrets, not the Secret ID).");
        }

        /** Read from {@code --secret-file FILE}. */
        public static ClientSecret fromFile(char[] secret, Path file) {
            return checked(
                    secret,
                    "--secret-file " + file + " holds no secret (it is empty or blank lines only): write "
                            + "the client secret's value into it.");
        }

        /** Read from {@code --secret-env VARIABLE}. */
        public static ClientSecret fromVariable(char[] secret, String variable) {
            return checked(
                    secret, "--secret-env " + variable + " is empty: set the variable to the client secret's value.");
        }

        /** A copy of {@code secret}: the caller can wipe the array it read. */
        static ClientSecret checked(char[] secret, String whenBlank) {
            Secret copy = Secret.copyOf(secret);
            if (copy.isBlank()) {
                throw new CredentialNotConfiguredException(whenBlank);
            }
            return new ClientSecret(copy);
        }

        @Override
        public SignIn prepare(SignInContext context) {
            String value = secret.reveal();
            context.diagnostics().redactor().register(value);
            return context.withClientCredential(
                    ClientCredentialFactory.createFromSecret(value), SignedInWith.only(CredentialType.ClientSecret));
        }
    }

    /** {@code --federated-token-file F}: an external token used as the client assertion, read anew each time. */
    record FederatedTokenFile(Path file) implements Credential {
        @Override
        public SignIn prepare(SignInContext context) {
            Supplier<String> token = () -> read(context);
            token.get(); // fail now, not at the token request, if it is unreadable
            // MSAL calls this for every token request, so a token that rotates on disk (Kubernetes) is picked up.
            return context.withClientCredential(
                    ClientCredentialFactory.createFromCallback(token::get),
                    SignedInWith.only(CredentialType.FederatedToken));
        }

        private String read(SignInContext context) {
            String token = new String(InputFiles.read("--federated-token-file", file), StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new CredentialNotConfiguredException("The federated token file " + file + " is empty.");
            }
            context.diagnostics().redactor().register(token);
            return token;
        }
    }

    /** {@code --identity}: the host's managed identity; {@code id} is null for the system-assigned one. */
    record ManagedIdentity(ManagedIdentityKind kind, String id) implements Credential {
        /**
         * The system-assigned identity, or the user-assigned one named once by its client id, object id or
         * resource id. The identity's own tenant is used: a {@code tenant} is refused.
         */
        public static ManagedIdentity of(String tenant, String clientId, String objectId, String resourceId) {
            if (tenant != null) {
                throw new CredentialNotConfiguredException(
                        "--identity signs in to the identity's own tenant; leave out --tenant-id.");
            }
            int ids = (clientId != null ? 1 : 0) + (objectId != null ? 1 : 0) + (resourceId != null ? 1 : 0);
            if (ids > 1) {
                throw new CredentialNotConfiguredException(
                        "Name a user-assigned identity once: --client-id, --object-id or --resource-id.");
            }
            if (clientId != null) {
                return new ManagedIdentity(ManagedIdentityKind.CLIENT_ID, clientId);
            }
            if (objectId != null) {
                return new ManagedIdentity(ManagedIdentityKind.OBJECT_ID, objectId);
            }
            if (resourceId != null) {
                return new ManagedIdentity(ManagedIdentityKind.RESOURCE_ID, resourceId);
            }
            return new ManagedIdentity(ManagedIdentityKind.SYSTEM_ASSIGNED, null);
        }

        @Override
        public boolean carriesItsOwnIdentity() {
            return true;
        }

        @Override
        public SignIn prepare(SignInContext context) {
            context.diagnostics().log("managed identity source chosen by MSAL: " + ManagedIdentityTokens.source());
            return context.renewing(
                    new ManagedIdentityTokens(
                            this, context.environment(), context.http().tokenClient(), context.timeout()),
                    SignedInWith.managedIdentity(id));
        }
    }

    /** How a user-assigned managed identity is named, or that the system-assigned one is meant. */
    enum ManagedIdentityKind {
        SYSTEM_ASSIGNED,
        CLIENT_ID,
        OBJECT_ID,
        RESOURCE_ID
    }

    /** {@code --access-token}, {@code --access-token-file}, {@code --access-token-env}: a token used as given. */
    record AccessTokenGiven(Secret token) implements Credential {
        /**
         * The token {@code read} gives (read only once the ids are found absent: a prompt is not shown
         * for a line that cannot work). It carries its own tenant and app, so neither may be given.
         */
        public static AccessTokenGiven of(String tenant, String clientId, Supplier<Secret> read) {
            if (tenant != null || clientId != null) {
                throw new CredentialNotConfiguredException(
                        "An access token carries its own tenant and app; leave out --tenant-id and --client-id.");
            }
            return new AccessTokenGiven(read.get());
        }

        @Override
        public boolean carriesItsOwnIdentity() {
            return true;
        }

        @Override
        public SignIn prepare(SignInContext context) {
            GivenAccessToken given = GivenAccessToken.check(token.reveal(), context.environment(), context.clock());
            context.diagnostics().redactor().register(given.value());
            return new SignIn(given, SignedInWith.only(CredentialType.UserProvidedAccessToken));
        }
    }
}

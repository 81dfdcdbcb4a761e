package dev.entrashell.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;

import dev.entrashell.errors.ShellException;
import dev.entrashell.net.HttpStack;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Environment;
import dev.entrashell.session.Environments;
import dev.entrashell.session.InputFiles;
import dev.entrashell.session.ShellHome;
import dev.entrashell.session.Sleeper;

/**
 * Makes a connection from a {@code connect} request: checks everything local first (environment,
 * certificate, key, files), then acquires a token at once, so a bad credential fails now and not at
 * the first Graph call.
 */
public final class Connector {
    private final Environments environments;
    private final ShellHome home;
    private final Diagnostics diagnostics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> notices;

    /** {@code notices} shows the user why a request waits (throttling, retries); {@code sleeper} waits it. */
    public Connector(
            Environments environments,
            ShellHome home,
            Diagnostics diagnostics,
            Clock clock,
            Sleeper sleeper,
            Consumer<String> notices) {
        this.environments = environments;
        this.sleeper = sleeper;
        this.notices = notices;
        this.home = home;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    public Connection connect(ConnectRequest request) {
        Environment environment = environments.require(request.environment());
        if (request.credential() instanceof CredentialSpec.AccessTokenGiven given) {
            return withGivenToken(given, environment, request);
        }
        Describer described = new Describer();
        HttpStack http;
        Supplier<AccessToken> acquirer;
        CredentialSpec spec = request.credential();
        if (spec instanceof CredentialSpec.ManagedIdentity identity) {
            http = new HttpStack(environment, request.timeout(), diagnostics, notices, clock, sleeper);
            diagnostics.log("managed identity source chosen by MSAL: " + ManagedIdentityTokens.source());
            acquirer = new ManagedIdentityTokens(identity, environment, http.tokenClient(), request.timeout());
            described.type = CredentialType.ManagedIdentity;
            described.managedIdentityId = identity.id() == null ? "SystemAssigned" : identity.id();
        } else {
            IClientCredential credential = clientCredential(spec, described);
            http = new HttpStack(environment, request.timeout(), diagnostics, notices, clock, sleeper);
            acquirer = new ConfidentialClientTokens(
                    request.clientId(),
                    request.tenant(),
                    credential,
                    request.sendCertificateChain(),
                    environment,
                    http.tokenClient(),
                    request.timeout());
        }
        Supplier<AccessToken> tokens = acquirer;
        TokenSource source = new RenewingTokenSource(
                () -> {
                    AccessToken token = tokens.get();
                    diagnostics.redactor().register(token.value());
                    diagnostics.log("new access token from " + environment.login() + ", expires " + token.expiresOn());
                    return token;
                },
                clock);
        TokenClaims claims = source.token().claims();
        return new Connection(
                request.tenant() != null ? request.tenant() : claims.tenantId(),
                request.clientId() != null ? request.clientId() : claims.appId(),
                claims.appName(),
                environment,
                described.type,
                described.thumbprint,
                described.subject,
                described.expiresOn,
                request.sendCertificateChain(),
                described.managedIdentityId,
                source,
                http,
                described.certificate);
    }

    /** A token from elsewhere: nothing to sign in with, so the token's own claims say who this is. */
    private Connection withGivenToken(
            CredentialSpec.AccessTokenGiven given, Environment environment, ConnectRequest request) {
        GivenAccessToken token = GivenAccessToken.check(given.token(), environment, clock);
        diagnostics.redactor().register(token.value());
        TokenClaims claims = token.token().claims();
        return new Connection(
                claims.tenantId(),
                claims.appId(),
                claims.appName(),
                environment,
                CredentialType.UserProvidedAccessToken,
                null,
                null,
                null,
                false,
                null,
                token,
                new HttpStack(environment, request.timeout(), diagnostics, notices, clock, sleeper),
                null);
    }

    /** What {@code context} will say about the credential; filled while the credential is made. */
    private static final class Describer {
        CredentialType type = CredentialType.ClientCertificate;
        String thumbprint;
        String subject;
        Instant expiresOn;
        String managedIdentityId;
        CertificateCredential certificate;
    }

    private IClientCredential clientCredential(CredentialSpec spec, Describer described) {
        if (spec instanceof CredentialSpec.ClientSecret secret) {
            described.type = CredentialType.ClientSecret;
            diagnostics.redactor().register(secret.secret());
            return ClientCredentialFactory.createFromSecret(new String(secret.secret()));
        }
        if (spec instanceof CredentialSpec.FederatedTokenFile federated) {
            described.type = CredentialType.FederatedToken;
            readFederatedToken(federated.file()); // fail now, not at the token request, if it is unreadable
            // MSAL calls this for every token request, so a token that rotates on disk (Kubernetes) is picked up.
            return ClientCredentialFactory.createFromCallback(() -> readFederatedToken(federated.file()));
        }
        CertificateCredential certificate = certificate(spec);
        diagnostics.log("using certificate " + certificate);
        described.thumbprint = certificate.thumbprint().hex();
        described.subject = certificate.subject();
        described.expiresOn = certificate.certificate().getNotAfter().toInstant();
        described.certificate = certificate;
        return certificate.chain().size() == 1
                ? ClientCredentialFactory.createFromCertificate(certificate.privateKey(), certificate.certificate())
                : ClientCredentialFactory.createFromCertificateChain(certificate.privateKey(), certificate.chain());
    }

    private String readFederatedToken(Path file) {
        String token = new String(InputFiles.read("--federated-token-file", file), StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw ShellException.usage("The federated token file " + file + " is empty.");
        }
        diagnostics.redactor().register(token);
        return token;
    }

    private CertificateCredential certificate(CredentialSpec spec) {
        if (spec instanceof CredentialSpec.CertificateFile file) {
            return CertificateFiles.load(file.file(), file.passwords());
        }
        if (spec instanceof CredentialSpec.CertificateSubject subject) {
            return CertificateFinder.bySubject(
                    subject.subject(), CertificateStore.resolve(subject.store(), home), subject.passwords());
        }
        CredentialSpec.CertificateThumbprint byThumbprint = (CredentialSpec.CertificateThumbprint) spec;
        return CertificateFinder.byThumbprint(
                byThumbprint.thumbprint(),
                CertificateStore.resolve(byThumbprint.store(), home),
                byThumbprint.passwords());
    }
}

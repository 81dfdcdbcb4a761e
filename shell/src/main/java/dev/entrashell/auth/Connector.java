package dev.entrashell.auth;

import java.time.Clock;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;

import dev.entrashell.net.HttpStack;
import dev.entrashell.session.Connection;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Environment;
import dev.entrashell.session.Environments;
import dev.entrashell.session.ShellHome;

/**
 * Makes a connection from a {@code connect} request: checks everything local first (environment,
 * certificate, key), then acquires a token at once, so a bad credential fails now and not at the first
 * Graph call.
 */
public final class Connector {
    private final Environments environments;
    private final ShellHome home;
    private final Diagnostics diagnostics;
    private final Clock clock;

    public Connector(Environments environments, ShellHome home, Diagnostics diagnostics, Clock clock) {
        this.environments = environments;
        this.home = home;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    public Connection connect(ConnectRequest request) {
        Environment environment = environments.require(request.environment());
        CertificateCredential certificate = certificate(request.credential());
        diagnostics.log("using certificate " + certificate);
        HttpStack http = new HttpStack(environment, request.timeout(), diagnostics);
        IClientCredential credential = certificate.chain().size() == 1
                ? ClientCredentialFactory.createFromCertificate(certificate.privateKey(), certificate.certificate())
                : ClientCredentialFactory.createFromCertificateChain(certificate.privateKey(), certificate.chain());
        ConfidentialClientTokens tokens = new ConfidentialClientTokens(
                request.clientId(),
                request.tenant(),
                credential,
                request.sendCertificateChain(),
                environment,
                http.tokenClient(),
                request.timeout());
        TokenSource source = new RenewingTokenSource(
                () -> {
                    AccessToken token = tokens.get();
                    diagnostics.redactor().register(token.value());
                    diagnostics.log("new access token from " + environment.login() + ", expires " + token.expiresOn());
                    return token;
                },
                clock);
        String appName = source.token().claims().appName();
        return new Connection(
                request.tenant(),
                request.clientId(),
                appName,
                environment,
                CredentialType.ClientCertificate,
                certificate.thumbprint().hex(),
                certificate.subject(),
                request.sendCertificateChain(),
                null,
                source,
                http);
    }

    private CertificateCredential certificate(CredentialSpec spec) {
        if (spec instanceof CredentialSpec.CertificateFile file) {
            return CertificateFiles.load(file.file(), file.passwords());
        }
        CredentialSpec.CertificateThumbprint byThumbprint = (CredentialSpec.CertificateThumbprint) spec;
        return CertificateFinder.byThumbprint(
                byThumbprint.thumbprint(),
                CertificateStore.resolve(byThumbprint.store(), home),
                byThumbprint.passwords());
    }
}

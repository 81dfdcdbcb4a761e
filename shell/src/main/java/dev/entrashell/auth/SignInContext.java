package dev.entrashell.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;

import dev.entrashell.certificate.CertificateCredential;
import dev.entrashell.certificate.CertificateStore;
import dev.entrashell.net.HttpStack;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Environment;
import dev.entrashell.session.ShellHome;

/**
 * What a credential is prepared with: the request, its environment and HTTP stack, where the stores
 * are, and the debug channel; and the ways a credential turns into a renewing token source.
 */
public final class SignInContext {
    private final ConnectRequest request;
    private final Environment environment;
    private final HttpStack http;
    private final ShellHome home;
    private final Diagnostics diagnostics;
    private final Clock clock;

    SignInContext(
            ConnectRequest request,
            Environment environment,
            HttpStack http,
            ShellHome home,
            Diagnostics diagnostics,
            Clock clock) {
        this.request = request;
        this.environment = environment;
        this.http = http;
        this.home = home;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    Environment environment() {
        return environment;
    }

    HttpStack http() {
        return http;
    }

    Duration timeout() {
        return request.timeout();
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Clock clock() {
        return clock;
    }

    /** The stores {@code --store} names ({@code default} or a path), as connect searches them. */
    List<CertificateStore> stores(String store) {
        return CertificateStore.resolve(store, home);
    }

    /** An app signing in with a certificate and its key (with the chain, when it has one). */
    SignIn withCertificate(CertificateCredential certificate) {
        diagnostics.log("using certificate " + certificate);
        IClientCredential credential = certificate.chain().size() == 1
                ? ClientCredentialFactory.createFromCertificate(certificate.privateKey(), certificate.certificate())
                : ClientCredentialFactory.createFromCertificateChain(certificate.privateKey(), certificate.chain());
        return withClientCredential(credential, SignedInWith.certificate(certificate));
    }

    /** An app registration's own credential, at the request's tenant's token endpoint. */
    SignIn withClientCredential(IClientCredential credential, SignedInWith signedInWith) {
        return renewing(
                new ConfidentialClientTokens(
                        request.clientId(),
                        request.tenant(),
                        credential,
                        request.sendCertificateChain(),
                        environment,
                        http.tokenClient(),
                        request.timeout()),
                signedInWith);
    }

    /** Tokens from {@code acquirer}, renewed before they expire, each known to the redactor at once. */
    SignIn renewing(Supplier<AccessToken> acquirer, SignedInWith signedInWith) {
        TokenSource tokens = new RenewingTokenSource(
                () -> {
                    AccessToken token = acquirer.get();
                    diagnostics.redactor().register(token.value());
                    diagnostics.log("new access token from " + environment.login() + ", expires " + token.expiresOn());
                    return token;
                },
                clock);
        return new SignIn(tokens, signedInWith);
    }
}

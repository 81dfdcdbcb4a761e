package dev.entrashell.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

import dev.entrashell.emulator.demo.DemoCredentials;
import dev.entrashell.emulator.demo.DemoIdentities;
import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.demo.DemoTenantSeeding;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.faults.Bystander;
import dev.entrashell.emulator.faults.FaultyTokenEndpoint;
import dev.entrashell.emulator.faults.LoginFault;
import dev.entrashell.emulator.graph.AccessTokenValidator;
import dev.entrashell.emulator.graph.DyingPages;
import dev.entrashell.emulator.graph.GraphServer;
import dev.entrashell.emulator.graph.Throttler;
import dev.entrashell.emulator.http.LoopbackServer;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.http.RequestLog;
import dev.entrashell.emulator.http.ResponseFault;
import dev.entrashell.emulator.http.ServingHandler;
import dev.entrashell.emulator.identity.ManagedIdentityServer;
import dev.entrashell.emulator.jwt.TokenSigningKey;
import dev.entrashell.emulator.state.CertificateAuthorityFiles;
import dev.entrashell.emulator.state.DemoAppFiles;
import dev.entrashell.emulator.state.StateDirectory;
import dev.entrashell.emulator.tls.CertificateAuthority;
import dev.entrashell.emulator.tls.ClientCertificateAuthority;
import dev.entrashell.emulator.tls.IssuedClientCertificate;
import dev.entrashell.emulator.tls.ServerTls;
import dev.entrashell.emulator.tls.Thumbprints;
import dev.entrashell.emulator.token.AadResponses;
import dev.entrashell.emulator.token.AccessTokenIssuer;
import dev.entrashell.emulator.token.ClientAssertionVerifier;
import dev.entrashell.emulator.token.LoginEndpoints;
import dev.entrashell.emulator.token.LoginServer;
import dev.entrashell.emulator.token.OpenIdMetadata;
import dev.entrashell.emulator.token.ScopeValidator;
import dev.entrashell.emulator.token.TokenEndpoint;
import dev.entrashell.emulator.token.federation.FederatedAssertionVerifier;
import dev.entrashell.emulator.token.federation.FederatedIssuer;
import dev.entrashell.emulator.token.federation.FederatedIssuers;
import dev.entrashell.emulator.token.sni.SubjectNameIssuerVerifier;

/**
 * A loopback emulator of Entra ID's token endpoint and of Microsoft Graph, over HTTPS on
 * 127.0.0.1, and of the Azure managed identity endpoints (IMDS, App Service) over plain HTTP there,
 * seeded with a demo tenant. It checks what Entra ID and Graph check and answers with
 * their error shapes, so a client that works against it should work against a real tenant.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
 *     URI authority = URI.create(emulator.loginEndpoint() + "/" + emulator.demo().tenantId() + "/");
 *     ...
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    public static final String LOGIN_SERVER = "login";
    public static final String GRAPH_SERVER = "graph";
    public static final String IDENTITY_SERVER = "identity";

    private final Workloads workloads;

    private final LoopbackServer login;
    private final LoopbackServer graph;
    private final CertificateAuthority ca;
    private final DemoTenant demo;
    private final Directory directory;
    private final RequestLog log;
    private final Throttler throttler;
    private volatile Throttling throttling;
    private final AtomicReference<ResponseFault> graphFault;
    private final SSLContext tls;
    private final Clock clock;
    private final FaultyTokenEndpoint tokenFaults;
    private final DyingPages dyingPages;

    private Emulator(
            LoopbackServer login,
            LoopbackServer graph,
            CertificateAuthority ca,
            DemoTenant demo,
            Directory directory,
            RequestLog log,
            Workloads workloads,
            Throttler throttler,
            Throttling throttling,
            AtomicReference<ResponseFault> graphFault,
            SSLContext tls,
            Clock clock,
            FaultyTokenEndpoint tokenFaults,
            DyingPages dyingPages) {
        this.login = login;
        this.graph = graph;
        this.ca = ca;
        this.demo = demo;
        this.directory = directory;
        this.log = log;
        this.workloads = workloads;
        this.throttler = throttler;
        this.throttling = throttling;
        this.graphFault = graphFault;
        this.tls = tls;
        this.clock = clock;
        this.tokenFaults = tokenFaults;
        this.dyingPages = dyingPages;
    }

    public static Emulator start(EmulatorOptions options) throws IOException {
        StateDirectory state = options.stateDir() == null ? null : StateDirectory.open(options.stateDir());
        CertificateAuthority ca =
                state == null ? CertificateAuthority.create() : CertificateAuthorityFiles.loadOrCreate(state);
        SSLContext tls = ServerTls.context(ca.issueLoopbackServerCertificate(), ca.certificate());
        TokenSigningKey signingKey = TokenSigningKey.generate();
        DemoCredentials credentials = state == null
                ? DemoCredentials.generate(options.clock())
                : DemoAppFiles.loadOrCreate(state, options.clock());

        Directory directory = new Directory();
        Tenant tenant = DemoTenantSeeding.seedTenant(directory, credentials, options.userCount(), options.clock());
        DemoTenant demo = demoTenant(tenant, credentials, state);

        RequestLog log = new RequestLog(RequestLog.DEFAULT_CAPACITY);
        LoopbackServer login = LoopbackServer.https(LOGIN_SERVER, options.loginPort(), tls);
        LoopbackServer graph;
        try {
            graph = LoopbackServer.https(GRAPH_SERVER, options.graphPort(), tls);
        } catch (IOException e) {
            login.close();
            throw e;
        }
        URI loginEndpoint = login.baseUri();
        URI graphEndpoint = graph.baseUri();

        LoginEndpoints endpoints = new LoginEndpoints(loginEndpoint);
        AadResponses responses = new AadResponses(loginEndpoint);
        AccessTokenIssuer accessTokens = new AccessTokenIssuer(
                signingKey, options.clock(), options.tokenLifetime(), options.managedIdentityTokenLifetime());
        ScopeValidator scopes = new ScopeValidator(graphEndpoint);
        Workloads workloads;
        try {
            workloads = Workloads.start(directory, demo, loginEndpoint, scopes, accessTokens, responses, log, options);
        } catch (IOException | RuntimeException e) {
            login.close();
            graph.close();
            throw e;
        }
        FederatedIssuers issuers = workloads.issuers();
        TokenEndpoint tokenEndpoint = new TokenEndpoint(
                directory,
                scopes,
                new ClientAssertionVerifier(
                        endpoints,
                        options.clock(),
                        options.clockSkew(),
                        new FederatedAssertionVerifier(directory, issuers, options.clock(), options.clockSkew()),
                        new SubjectNameIssuerVerifier(directory, options.clock())),
                accessTokens,
                responses,
                options.clock());
        LoginServer loginServer = new LoginServer(
                tokenEndpoint,
                new OpenIdMetadata(endpoints, graphEndpoint, signingKey),
                directory,
                responses,
                issuers,
                options.clock());
        Throttler throttler = new Throttler(options.clock());
        throttler.setRule(options.throttling().rule());
        GraphServer graphServer = new GraphServer(
                graphEndpoint,
                loginEndpoint,
                new AccessTokenValidator(signingKey, directory, options.clock(), options.clockSkew()),
                directory,
                throttler,
                options.clock());

        FaultyTokenEndpoint tokenFaults = new FaultyTokenEndpoint(loginServer);
        login.serve(new ServingHandler(LOGIN_SERVER, tokenFaults, log, options.clock()));
        AtomicReference<ResponseFault> graphFault = new AtomicReference<>(ResponseFault.NONE);
        DyingPages dyingPages = new DyingPages(graphServer);
        graph.serve(new ServingHandler(GRAPH_SERVER, dyingPages, log, options.clock(), graphFault::get));
        return new Emulator(
                login,
                graph,
                ca,
                demo,
                directory,
                log,
                workloads,
                throttler,
                options.throttling(),
                graphFault,
                tls,
                options.clock(),
                tokenFaults,
                dyingPages);
    }

    private static DemoTenant demoTenant(Tenant tenant, DemoCredentials credentials, StateDirectory state) {
        X509Certificate certificate = credentials.identity().certificate();
        return new DemoTenant(
                tenant.id(),
                tenant.defaultDomain(),
                tenant.organizationName(),
                DemoSeed.CLIENT_ID,
                DemoSeed.APP_NAME,
                DemoSeed.ROLES,
                certificate,
                credentials.identity().privateKey(),
                Thumbprints.sha1Hex(certificate),
                credentials.clientSecret(),
                state == null ? null : state.path(DemoAppFiles.PFX_FILE),
                credentials.pfxPassword(),
                state == null ? null : state.path(DemoAppFiles.PEM_FILE));
    }

    /** The token server, e.g. {@code https://127.0.0.1:41234} (no trailing slash). */
    public URI loginEndpoint() {
        return login.baseUri();
    }

    /** The Graph server, serving {@code /v1.0/...} and {@code /beta/...} (no trailing slash). */
    public URI graphEndpoint() {
        return graph.baseUri();
    }

    /** {@code {login}/{tenant}/oauth2/v2.0/token}: also the audience client assertions must name. */
    public URI tokenEndpoint(String tenant) {
        return URI.create(loginEndpoint() + "/" + tenant + "/oauth2/v2.0/token");
    }

    /** The CA that signed both servers' certificate: the one certificate a client must trust. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** Writes the CA certificate as PEM, readable by the owner only where the file system allows. */
    public Path writeCaCertificate(Path pemFile) throws IOException {
        return ca.writeCertificate(pemFile);
    }

    public DemoTenant demo() {
        return demo;
    }

    /** Thread-safe: register more tenants and applications while the servers run. */
    public Directory directory() {
        return directory;
    }

    /**
     * The managed identity server, plain HTTP on 127.0.0.1, e.g. {@code http://127.0.0.1:41236}: the
     * value of {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}, to which MSAL appends IMDS's path {@code
     * /metadata/identity/oauth2/token}.
     */
    public URI managedIdentityEndpoint() {
        return workloads.identityServer().baseUri();
    }

    /** App Service's token endpoint on that server ({@code .../msi/token}): the value of {@code IDENTITY_ENDPOINT}. */
    public URI identityEndpoint() {
        return URI.create(managedIdentityEndpoint() + ManagedIdentityServer.APP_SERVICE_PATH);
    }

    /** The App Service secret ({@code IDENTITY_HEADER}), sent back as {@code X-IDENTITY-HEADER}; new on every start. */
    public String identityHeader() {
        return workloads.identityHeader();
    }

    /**
     * What a child process needs in its environment for MSAL (or azure-identity) to use this
     * emulator as App Service's managed identity endpoint: {@code IDENTITY_ENDPOINT} and {@code
     * IDENTITY_HEADER}.
     */
    public Map<String, String> appServiceEnvironment() {
        return Map.of("IDENTITY_ENDPOINT", identityEndpoint().toString(), "IDENTITY_HEADER", identityHeader());
    }

    /**
     * What a child process needs in its environment for MSAL to use this emulator as IMDS: {@code
     * AZURE_POD_IDENTITY_AUTHORITY_HOST} (and none of the App Service, Cloud Shell or Arc variables).
     */
    public Map<String, String> imdsEnvironment() {
        return Map.of(
                "AZURE_POD_IDENTITY_AUTHORITY_HOST", managedIdentityEndpoint().toString());
    }

    /** The seeded managed identities, federated credential and trusted certificate subject. */
    public DemoIdentities demoIdentities() {
        return workloads.demo();
    }

    /**
     * The Kubernetes-like issuer the emulator hosts at {@code {login}/federation/kubernetes/}, which
     * the demo app's federated credential trusts: mint federated tokens here.
     */
    public FederatedIssuer federatedIssuer() {
        return workloads.issuer();
    }

    /** Every issuer the token endpoint knows keys for: host more, or register external ones. */
    public FederatedIssuers federatedIssuers() {
        return workloads.issuers();
    }

    /** The client certificate authority the demo tenant trusts for subject name and issuer authentication. */
    public ClientCertificateAuthority clientCertificateAuthority() {
        return workloads.clientCa();
    }

    /**
     * A client certificate for the subject, issued by {@link #clientCertificateAuthority()} and valid
     * for a year by the emulator's clock, with its key and chain (leaf, issuing CA). With the demo
     * app's trusted subject ({@link DemoIdentities#trustedSubject()}) it signs in by subject name and
     * issuer when the assertion carries the chain ({@code x5c}).
     */
    public IssuedClientCertificate issueClientCertificate(String subjectDistinguishedName) {
        return workloads
                .clientCa()
                .issue(subjectDistinguishedName, workloads.clock().instant());
    }

    /** Every request the servers answered so far, oldest first (the most recent 20,000). */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /**
     * Switches Graph's throttling on (or, with {@link Throttling#off()}, off) while the emulator
     * runs; what the previous setting had throttled is forgotten.
     */
    public void setThrottling(Throttling throttling) {
        this.throttling = Objects.requireNonNull(throttling, "throttling");
        throttler.setRule(throttling.rule());
    }

    public Throttling throttling() {
        return throttling;
    }

    /**
     * Makes the token endpoint fail (or, with {@link LoginFault#none()}, work again) while the emulator
     * runs: a 5xx, or an HTML page, instead of Entra's answer.
     */
    public void setLoginFault(LoginFault fault) {
        tokenFaults.setFault(fault);
    }

    /**
     * Makes Graph misbehave in one of the ways of {@code faults.GraphFaults} while the emulator runs;
     * {@link ResponseFault#NONE} makes it behave again.
     */
    public void setGraphFault(ResponseFault fault) {
        graphFault.set(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Starts a second HTTPS server that this emulator's CA vouches for, on another port of 127.0.0.1,
     * for a client that must never reach it; the caller closes it.
     */
    public Bystander startBystander() throws IOException {
        return Bystander.start(tls, clock);
    }

    /**
     * Makes Graph die in the middle of paging (see {@link DieAfterPages}), or, with {@link
     * DieAfterPages#off()}, serve every page again.
     */
    public void setDieAfterPages(DieAfterPages fault) {
        dyingPages.set(Objects.requireNonNull(fault, "fault").pages());
    }

    /** Calls the listener after each answered request, on the server's thread. */
    public void addRequestListener(Consumer<RecordedRequest> listener) {
        log.addListener(listener);
    }

    @Override
    public void close() {
        login.close();
        graph.close();
        workloads.identityServer().close();
    }
}

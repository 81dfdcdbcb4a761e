package dev.entrashell.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

import dev.entrashell.emulator.demo.DemoCredentials;
import dev.entrashell.emulator.demo.DemoDirectory;
import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.demo.DemoUsers;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.graph.AccessTokenValidator;
import dev.entrashell.emulator.graph.GraphServer;
import dev.entrashell.emulator.graph.Throttler;
import dev.entrashell.emulator.http.LoopbackHttpsServer;
import dev.entrashell.emulator.http.RequestLog;
import dev.entrashell.emulator.http.ServingHandler;
import dev.entrashell.emulator.jwt.TokenSigningKey;
import dev.entrashell.emulator.state.CertificateAuthorityFiles;
import dev.entrashell.emulator.state.DemoAppFiles;
import dev.entrashell.emulator.state.StateDirectory;
import dev.entrashell.emulator.tls.CertificateAuthority;
import dev.entrashell.emulator.tls.Pem;
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

/**
 * A loopback emulator of Entra ID's token endpoint and of Microsoft Graph, over HTTPS on
 * 127.0.0.1, seeded with a demo tenant. It checks what Entra ID and Graph check and answers with
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

    private final LoopbackHttpsServer login;
    private final LoopbackHttpsServer graph;
    private final CertificateAuthority ca;
    private final DemoTenant demo;
    private final Directory directory;
    private final RequestLog log;
    private final Throttler throttler;
    private volatile Throttling throttling;

    private Emulator(
            LoopbackHttpsServer login,
            LoopbackHttpsServer graph,
            CertificateAuthority ca,
            DemoTenant demo,
            Directory directory,
            RequestLog log,
            Throttler throttler,
            Throttling throttling) {
        this.login = login;
        this.graph = graph;
        this.ca = ca;
        this.demo = demo;
        this.directory = directory;
        this.log = log;
        this.throttler = throttler;
        this.throttling = throttling;
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
        DemoTenant demo = seed(directory, credentials, state, options.userCount(), options.clock());

        RequestLog log = new RequestLog(RequestLog.DEFAULT_CAPACITY);
        LoopbackHttpsServer login = LoopbackHttpsServer.bind(LOGIN_SERVER, options.loginPort(), tls);
        LoopbackHttpsServer graph;
        try {
            graph = LoopbackHttpsServer.bind(GRAPH_SERVER, options.graphPort(), tls);
        } catch (IOException e) {
            login.close();
            throw e;
        }
        URI loginEndpoint = login.baseUri();
        URI graphEndpoint = graph.baseUri();

        LoginEndpoints endpoints = new LoginEndpoints(loginEndpoint);
        AadResponses responses = new AadResponses(loginEndpoint);
        TokenEndpoint tokenEndpoint = new TokenEndpoint(
                directory,
                new ScopeValidator(graphEndpoint),
                new ClientAssertionVerifier(endpoints, options.clock(), options.clockSkew()),
                new AccessTokenIssuer(signingKey, options.clock(), options.tokenLifetime()),
                responses,
                options.clock());
        LoginServer loginServer = new LoginServer(
                tokenEndpoint,
                new OpenIdMetadata(endpoints, graphEndpoint, signingKey),
                directory,
                responses,
                options.clock());
        Throttler throttler = new Throttler(options.clock());
        throttler.setRule(rule(options.throttling()));
        GraphServer graphServer = new GraphServer(
                graphEndpoint,
                loginEndpoint,
                new AccessTokenValidator(signingKey, directory, options.clock(), options.clockSkew()),
                directory,
                throttler,
                options.clock());

        login.serve(new ServingHandler(LOGIN_SERVER, loginServer, log, options.clock()));
        graph.serve(new ServingHandler(GRAPH_SERVER, graphServer, log, options.clock()));
        return new Emulator(login, graph, ca, demo, directory, log, throttler, options.throttling());
    }

    private static DemoTenant seed(
            Directory directory, DemoCredentials credentials, StateDirectory state, int userCount, Clock clock) {
        Tenant tenant = directory.registerTenant(new Tenant(
                DemoSeed.TENANT_ID, DemoSeed.ORGANIZATION_NAME, List.of(DemoSeed.DOMAIN), DemoSeed.TENANT_CREATED));
        X509Certificate certificate = credentials.identity().certificate();
        directory.registerApplication(
                tenant.id(),
                new AppRegistration(
                        DemoSeed.CLIENT_ID,
                        DemoSeed.SERVICE_PRINCIPAL_OBJECT_ID,
                        DemoSeed.APP_NAME,
                        List.of(certificate),
                        List.of(credentials.clientSecret()),
                        new HashSet<>(DemoSeed.ROLES)));
        Instant now = clock.instant();
        DemoDirectory.seed(
                directory.objects(tenant.id()),
                tenant.defaultDomain(),
                DemoUsers.generate(DemoSeed.USER_SEED, tenant.id(), tenant.defaultDomain(), userCount, now),
                now);
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
        byte[] pem = Pem.encode(ca.certificate()).getBytes(StandardCharsets.US_ASCII);
        Path parent = pemFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = pemFile.toAbsolutePath()
                .getFileSystem()
                .supportedFileAttributeViews()
                .contains("posix");
        if (posix && !Files.exists(pemFile)) {
            Files.createFile(
                    pemFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(pemFile, pem, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        if (posix) {
            Files.setPosixFilePermissions(pemFile, PosixFilePermissions.fromString("rw-------"));
        }
        return pemFile;
    }

    public DemoTenant demo() {
        return demo;
    }

    /** Thread-safe: register more tenants and applications while the servers run. */
    public Directory directory() {
        return directory;
    }

    /** Every request both servers answered so far, oldest first (the most recent 20,000). */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /**
     * Switches Graph's throttling on (or, with {@link Throttling#off()}, off) while the emulator
     * runs; what the previous setting had throttled is forgotten.
     */
    public void setThrottling(Throttling throttling) {
        this.throttling = Objects.requireNonNull(throttling, "throttling");
        throttler.setRule(rule(throttling));
    }

    public Throttling throttling() {
        return throttling;
    }

    private static Throttler.Rule rule(Throttling throttling) {
        Throttler.Trigger trigger =
                switch (throttling.trigger()) {
                    case NONE -> Throttler.Trigger.NONE;
                    case EVERY_NTH_REQUEST -> Throttler.Trigger.EVERY_NTH_REQUEST;
                    case FIRST_REQUEST_PER_PATH -> Throttler.Trigger.FIRST_REQUEST_PER_PATH;
                };
        return new Throttler.Rule(trigger, throttling.every(), throttling.status(), throttling.retryAfterSeconds());
    }

    /** Calls the listener after each answered request, on the server's thread. */
    public void addRequestListener(Consumer<RecordedRequest> listener) {
        log.addListener(listener);
    }

    @Override
    public void close() {
        login.close();
        graph.close();
    }
}

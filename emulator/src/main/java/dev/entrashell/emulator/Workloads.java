package dev.entrashell.emulator;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import dev.entrashell.emulator.demo.DemoIdentities;
import dev.entrashell.emulator.demo.DemoIdentitySeed;
import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.demo.DemoTenantSeeding;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.http.LoopbackServer;
import dev.entrashell.emulator.http.RequestLog;
import dev.entrashell.emulator.http.ServingHandler;
import dev.entrashell.emulator.identity.ManagedIdentityHost;
import dev.entrashell.emulator.identity.ManagedIdentityServer;
import dev.entrashell.emulator.tls.ClientCertificateAuthority;
import dev.entrashell.emulator.token.AadResponses;
import dev.entrashell.emulator.token.AccessTokenIssuer;
import dev.entrashell.emulator.token.ScopeValidator;
import dev.entrashell.emulator.token.federation.FederatedIssuer;
import dev.entrashell.emulator.token.federation.FederatedIssuers;

/** The managed identity server and what the workload identity features need at run time. */
record Workloads(
        LoopbackServer identityServer,
        String identityHeader,
        FederatedIssuers issuers,
        FederatedIssuer issuer,
        ClientCertificateAuthority clientCa,
        DemoIdentities demo,
        Clock clock) {

    /**
     * Seeds the demo tenant's workload identities and starts the managed identity server (plain
     * HTTP, any free port on 127.0.0.1), whose tokens are the token endpoint's own.
     */
    static Workloads start(
            Directory directory,
            DemoTenant demo,
            URI loginEndpoint,
            ScopeValidator scopes,
            AccessTokenIssuer accessTokens,
            AadResponses responses,
            RequestLog log,
            EmulatorOptions options)
            throws IOException {
        FederatedIssuers issuers = new FederatedIssuers(loginEndpoint, options.clock());
        ClientCertificateAuthority clientCa = ClientCertificateAuthority.create(
                DemoSeed.ORGANIZATION_NAME, options.clock().instant());
        DemoIdentities demoIdentities = seedIdentities(directory, demo, issuers, clientCa);
        String identityHeader = Guids.random();
        ManagedIdentityServer identityServer = new ManagedIdentityServer(
                new ManagedIdentityHost(directory, demo.tenantId(), scopes, accessTokens),
                identityHeader,
                responses,
                options.clock());
        LoopbackServer identity = LoopbackServer.http(Emulator.IDENTITY_SERVER, 0);
        identity.serve(new ServingHandler(Emulator.IDENTITY_SERVER, identityServer, log, options.clock()));
        return new Workloads(
                identity,
                identityHeader,
                issuers,
                issuers.hosted(DemoIdentitySeed.FEDERATED_ISSUER_NAME),
                clientCa,
                demoIdentities,
                options.clock());
    }

    private static DemoIdentities seedIdentities(
            Directory directory, DemoTenant demo, FederatedIssuers issuers, ClientCertificateAuthority clientCa) {
        DemoTenantSeeding.SeededWorkloads seeded = DemoTenantSeeding.seedWorkloads(
                directory,
                demo.tenantId(),
                demo.clientId(),
                issuers.hosted(DemoIdentitySeed.FEDERATED_ISSUER_NAME).issuer(),
                clientCa.rootCertificate());
        return new DemoIdentities(
                seeded.systemAssigned(),
                seeded.userAssigned(),
                seeded.userAssignedWithoutRoles(),
                seeded.federatedCredential(),
                seeded.trustedSubject(),
                DemoIdentitySeed.TRUSTED_AUTHORITY_ID,
                clientCa.rootCertificate());
    }
}

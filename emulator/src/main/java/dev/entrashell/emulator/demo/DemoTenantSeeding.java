package dev.entrashell.emulator.demo;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.Directory;
import dev.entrashell.emulator.directory.FederatedIdentityCredential;
import dev.entrashell.emulator.directory.ManagedIdentity;
import dev.entrashell.emulator.directory.Tenant;
import dev.entrashell.emulator.directory.TenantWorkloads;
import dev.entrashell.emulator.directory.TrustedCertificateSubject;

/**
 * Fills a directory with the demo tenant: the tenant, the demo app's registration and the directory's
 * users, groups, devices and apps, then (once the servers it trusts exist) its workload identities.
 */
public final class DemoTenantSeeding {
    /** The demo tenant's workload identities, as {@link #seedWorkloads} registered them. */
    public record SeededWorkloads(
            ManagedIdentity systemAssigned,
            ManagedIdentity userAssigned,
            ManagedIdentity userAssignedWithoutRoles,
            FederatedIdentityCredential federatedCredential,
            TrustedCertificateSubject trustedSubject) {}

    private DemoTenantSeeding() {}

    /** Registers the demo tenant and its app (with the credentials' certificate and secret) and fills its directory. */
    public static Tenant seedTenant(Directory directory, DemoCredentials credentials, int userCount, Clock clock) {
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
        return tenant;
    }

    /**
     * The host's managed identities, the demo app's federated credential (trusting the hosted
     * Kubernetes-like issuer) and trusted certificate subject, and the client certificate authority
     * the tenant trusts for it.
     *
     * @param federatedIssuer the hosted issuer's URL, which the federated credential trusts
     * @param clientAuthority the root certificate of the client certificate authority the tenant trusts
     */
    public static SeededWorkloads seedWorkloads(
            Directory directory,
            String tenantId,
            String clientId,
            String federatedIssuer,
            X509Certificate clientAuthority) {
        TenantWorkloads workloads = directory.workloads(tenantId);
        ManagedIdentity host = workloads.registerManagedIdentity(new ManagedIdentity(
                ManagedIdentity.Kind.SYSTEM_ASSIGNED,
                tenantId,
                DemoIdentitySeed.SYSTEM_ASSIGNED_CLIENT_ID,
                DemoIdentitySeed.SYSTEM_ASSIGNED_PRINCIPAL_ID,
                DemoIdentitySeed.HOST_RESOURCE_ID,
                DemoIdentitySeed.HOST_NAME,
                new HashSet<>(DemoIdentitySeed.SYSTEM_ASSIGNED_ROLES)));
        ManagedIdentity automation = workloads.registerManagedIdentity(new ManagedIdentity(
                ManagedIdentity.Kind.USER_ASSIGNED,
                tenantId,
                DemoIdentitySeed.AUTOMATION_CLIENT_ID,
                DemoIdentitySeed.AUTOMATION_PRINCIPAL_ID,
                DemoIdentitySeed.AUTOMATION_RESOURCE_ID,
                DemoIdentitySeed.AUTOMATION_NAME,
                new HashSet<>(DemoIdentitySeed.AUTOMATION_ROLES)));
        ManagedIdentity unprivileged = workloads.registerManagedIdentity(new ManagedIdentity(
                ManagedIdentity.Kind.USER_ASSIGNED,
                tenantId,
                DemoIdentitySeed.UNPRIVILEGED_CLIENT_ID,
                DemoIdentitySeed.UNPRIVILEGED_PRINCIPAL_ID,
                DemoIdentitySeed.UNPRIVILEGED_RESOURCE_ID,
                DemoIdentitySeed.UNPRIVILEGED_NAME,
                Set.of()));
        FederatedIdentityCredential federated = workloads.addFederatedCredential(
                clientId,
                FederatedIdentityCredential.of(
                        DemoIdentitySeed.FEDERATED_CREDENTIAL_NAME,
                        federatedIssuer,
                        DemoIdentitySeed.FEDERATED_SUBJECT));
        workloads.trustCertificateAuthority(DemoIdentitySeed.TRUSTED_AUTHORITY_ID, clientAuthority);
        TrustedCertificateSubject subject = workloads.addTrustedCertificateSubject(
                clientId, TrustedCertificateSubject.of(DemoIdentitySeed.TRUSTED_SUBJECT));
        return new SeededWorkloads(host, automation, unprivileged, federated, subject);
    }
}

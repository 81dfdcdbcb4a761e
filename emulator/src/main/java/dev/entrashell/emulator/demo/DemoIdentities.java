package dev.entrashell.emulator.demo;

import java.security.cert.X509Certificate;

import dev.entrashell.emulator.directory.FederatedIdentityCredential;
import dev.entrashell.emulator.directory.ManagedIdentity;
import dev.entrashell.emulator.directory.TrustedCertificateSubject;

/**
 * The demo tenant's seeded workload identities: the emulated host's managed identities, and the
 * federated credential and trusted certificate subject of the demo app ({@link DemoTenant#clientId()}).
 * Every id is fixed ({@code demo.DemoIdentitySeed}); the issuer URL and the trusted CA change with
 * each start, like the login endpoint's port.
 *
 * @param systemAssigned the host's own identity (roles Organization.Read.All, User.Read.All)
 * @param userAssigned {@code entra-shell-automation} (roles Group.Read.All, User.Read.All)
 * @param userAssignedWithoutRoles {@code entra-shell-unprivileged}: its tokens have no roles
 * @param federatedCredential the demo app's credential trusting the emulator's Kubernetes-like
 *     issuer ({@link Emulator#federatedIssuer()}) for subject {@code
 *     system:serviceaccount:automation:entra-shell}
 * @param trustedSubject the demo app's trusted subject, {@code
 *     CN=entra-shell-sni.contosodemo.onmicrosoft.com}, from any authority the tenant trusts
 * @param trustedAuthorityId the id under which the tenant trusts the emulator's client certificate
 *     authority
 * @param trustedAuthorityCertificate that authority's root certificate
 */
public record DemoIdentities(
        ManagedIdentity systemAssigned,
        ManagedIdentity userAssigned,
        ManagedIdentity userAssignedWithoutRoles,
        FederatedIdentityCredential federatedCredential,
        TrustedCertificateSubject trustedSubject,
        String trustedAuthorityId,
        X509Certificate trustedAuthorityCertificate) {}

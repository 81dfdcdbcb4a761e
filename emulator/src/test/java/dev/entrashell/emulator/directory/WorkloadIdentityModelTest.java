package dev.entrashell.emulator.directory;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.tls.ClientCertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadIdentityModelTest {
    private static final String TENANT = "11111111-2222-4333-8444-555555555555";
    private static final String SUBSCRIPTION = "99999999-8888-4777-8666-555555555555";

    @Test
    void managedIdentitiesValidateTheirIdsAndResourceIds() {
        ManagedIdentity identity = userAssigned("ABCDEF01-2345-4678-9ABC-DEF012345678", "builder");

        assertThat(identity.clientId()).isEqualTo("abcdef01-2345-4678-9abc-def012345678");
        assertThat(identity.hasResourceId(identity.resourceId().toUpperCase(java.util.Locale.ROOT)))
                .isTrue();
        assertThat(identity.resourceId())
                .isEqualTo("/subscriptions/" + SUBSCRIPTION
                        + "/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/builder");
        assertThatThrownBy(() -> userAssigned("not-a-guid", "x")).hasMessageContaining("client id must be a GUID");
        assertThatThrownBy(() -> new ManagedIdentity(
                        ManagedIdentity.Kind.USER_ASSIGNED,
                        TENANT,
                        Guids.random(),
                        Guids.random(),
                        "/subscriptions/" + SUBSCRIPTION
                                + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm",
                        "vm",
                        Set.of()))
                .hasMessageContaining("userAssignedIdentities");
        assertThatThrownBy(() -> new ManagedIdentity(
                        ManagedIdentity.Kind.SYSTEM_ASSIGNED,
                        TENANT,
                        Guids.random(),
                        Guids.random(),
                        "builder",
                        "builder",
                        Set.of()))
                .hasMessageContaining("resource id must look like");
    }

    @Test
    void trustedSubjectsCompareDistinguishedNamesAsX500Does() {
        TrustedCertificateSubject subject = TrustedCertificateSubject.of("CN=app.contoso.com, O=Contoso");

        assertThat(subject.matches(new X500Principal("cn=APP.contoso.com,o=contoso")))
                .isTrue();
        assertThat(subject.matches(new X500Principal("O=Contoso, CN=app.contoso.com")))
                .isFalse();
        assertThat(subject.matches(new X500Principal("CN=app.contoso.com"))).isFalse();
        assertThatThrownBy(() -> TrustedCertificateSubject.of("not a name"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenantWorkloadsKeepTheirRules() {
        Directory directory = new Directory();
        directory.registerTenant(new Tenant(TENANT, "Workloads", List.of("workloads.example"), Instant.EPOCH));
        TenantWorkloads workloads = directory.workloads("workloads.example");
        ManagedIdentity builder = workloads.registerManagedIdentity(userAssigned(Guids.random(), "builder"));

        assertThat(directory.managedIdentities()).containsExactly(builder);
        assertThatThrownBy(() -> workloads.registerManagedIdentity(new ManagedIdentity(
                        ManagedIdentity.Kind.USER_ASSIGNED,
                        TENANT,
                        builder.clientId(),
                        Guids.random(),
                        ManagedIdentity.userAssignedResourceId(SUBSCRIPTION, "rg", "other"),
                        "other",
                        Set.of())))
                .hasMessageContaining("same ids");
        assertThatThrownBy(() -> workloads.registerManagedIdentity(new ManagedIdentity(
                        ManagedIdentity.Kind.USER_ASSIGNED,
                        Guids.random(),
                        Guids.random(),
                        Guids.random(),
                        ManagedIdentity.userAssignedResourceId(SUBSCRIPTION, "rg", "elsewhere"),
                        "elsewhere",
                        Set.of())))
                .hasMessageContaining("registered in tenant");
        X509Certificate root =
                ClientCertificateAuthority.create("Model", Instant.now()).rootCertificate();
        assertThatThrownBy(() ->
                        workloads.trustCertificateAuthority(TrustedCertificateSubject.ANY_TRUSTED_AUTHORITY, root))
                .hasMessageContaining("other than the 'any' id");
        workloads.trustCertificateAuthority("0C9E3F5A-7B2D-4E1C-A8F6-4D9B2E7C1A53", root);
        assertThat(workloads.trustedCertificateAuthority("0c9e3f5a-7b2d-4e1c-a8f6-4d9b2e7c1a53"))
                .contains(root);
        assertThatThrownBy(() -> directory.workloads("nowhere.example")).hasMessageContaining("no such tenant");

        String clientId = Guids.random();
        for (int i = 0; i < TenantWorkloads.MAX_FEDERATED_CREDENTIALS; i++) {
            workloads.addFederatedCredential(
                    clientId, FederatedIdentityCredential.of("credential-" + i, "https://issuer/", "subject-" + i));
        }
        assertThatThrownBy(() -> workloads.addFederatedCredential(
                        clientId, FederatedIdentityCredential.of("one-too-many", "https://issuer/", "subject")))
                .hasMessageContaining("at most 20");
        workloads.addTrustedCertificateSubject(clientId, TrustedCertificateSubject.of("CN=x"));

        workloads.forgetApplication(clientId);

        assertThat(workloads.federatedCredentials(clientId)).isEmpty();
        assertThat(workloads.trustedCertificateSubjects(clientId)).isEmpty();
    }

    private static ManagedIdentity userAssigned(String clientId, String name) {
        return new ManagedIdentity(
                ManagedIdentity.Kind.USER_ASSIGNED,
                TENANT,
                clientId,
                Guids.random(),
                ManagedIdentity.userAssignedResourceId(SUBSCRIPTION, "rg", name),
                name,
                Set.of("User.Read.All"));
    }
}

package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoIdentities;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Managed identity (App Service and IMDS shapes), workload identity federation and subject name +
 * issuer certificates, through the real jar with the environment variables an Azure host would set.
 */
@EmulatorTest
class WorkloadIdentityIT {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static DemoIdentities identities;

    @TempDir
    static Path files;

    private static Path ca;

    @TempDir
    Path home;

    private ShellProcess shell;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        identities = emulator.demoIdentities();
        ca = emulator.writeCaCertificate(files.resolve("ca.pem"));
    }

    @BeforeEach
    void environment() throws Exception {
        shell = new ShellProcess(home);
        shell.addEnvironment(emulator, ca);
    }

    private ShellProcess with(Map<String, String> variables) {
        ShellProcess process = new ShellProcess(home);
        variables.forEach(process::env);
        return process;
    }

    /** App Service: the system-assigned identity, as IDENTITY_ENDPOINT and IDENTITY_HEADER describe it. */
    @Test
    void appServiceSystemAssigned() throws Exception {
        ShellProcess.Result result = with(emulator.appServiceEnvironment())
                .run("connect --identity --environment Emu", "context", "get /organization --output json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("AppOnly, ManagedIdentity, 2 roles.");
        assertThat(result.out())
                .containsPattern("TokenCredentialType\\s+: ManagedIdentity")
                .containsPattern("ManagedIdentityId\\s+: SystemAssigned")
                .containsPattern("AppName\\s+: " + identities.systemAssigned().displayName())
                .containsPattern("TenantId\\s+: " + demo.tenantId())
                .contains("Contoso Demo");
    }

    /** IMDS (AZURE_POD_IDENTITY_AUTHORITY_HOST): a user-assigned identity by client id, object id and resource id. */
    @Test
    void imdsUserAssigned() throws Exception {
        String[] forms = {
            "--client-id " + identities.userAssigned().clientId(),
            "--object-id " + identities.userAssigned().principalId(),
            "--resource-id " + identities.userAssigned().resourceId()
        };
        for (String form : forms) {
            ShellProcess.Result result = with(emulator.imdsEnvironment())
                    .run(
                            "connect --identity " + form + " --environment Emu",
                            "context",
                            "get /groups --top 1 --output json");
            assertThat(result.exitCode()).as(form + "\n" + result.err()).isZero();
            assertThat(result.out())
                    .containsPattern("ManagedIdentityId\\s+: " + form.split(" ")[1])
                    .containsPattern("Scopes\\s+: Group.Read.All, User.Read.All");
        }
        ShellProcess.Result unknown = with(emulator.imdsEnvironment())
                .run("connect --identity --client-id 00000000-1111-2222-3333-444444444444 --environment Emu");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .contains("Managed identity sign-in failed")
                .contains("Identity not found");
    }

    /** A federated token file is the client assertion; the emulator checks issuer, subject and audience. */
    @Test
    void federatedTokenFile() throws Exception {
        Path token = emulator.federatedIssuer()
                .mintToFile(
                        home.resolve("token.jwt"),
                        identities.federatedCredential().subject(),
                        Duration.ofHours(1));
        ShellProcess.Result result = shell.run(
                "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                        + " --federated-token-file " + token,
                "context",
                "get /organization --output none");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("TokenCredentialType\\s+: FederatedToken");
        Path wrongSubject = emulator.federatedIssuer()
                .mintToFile(home.resolve("other.jwt"), "system:serviceaccount:other:intruder", Duration.ofHours(1));
        ShellProcess.Result refused = shell.run("connect --environment Emu --tenant-id " + demo.tenantId()
                + " --client-id " + demo.clientId() + " --federated-token-file " + wrongSubject);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errLines())
                .singleElement()
                .asString()
                .contains("AADSTS700213")
                .contains("Hint:");
        ShellProcess.Result viaEnv = new ShellProcess(home)
                .env("AZURE_TENANT_ID", demo.tenantId())
                .env("AZURE_CLIENT_ID", demo.clientId())
                .env("AZURE_FEDERATED_TOKEN_FILE", token.toString())
                .run("connect --env --environment Emu", "context");
        assertThat(viaEnv.exitCode()).as(viaEnv.err()).isZero();
        assertThat(viaEnv.out()).containsPattern("TokenCredentialType\\s+: FederatedToken");
    }

    /** Subject name + issuer: the chain is sent with --send-certificate-chain; without it the key is unknown. */
    @Test
    void subjectNameAndIssuer() throws Exception {
        Path pfx = emulator.issueClientCertificate(identities.trustedSubject().subjectName())
                .writePkcs12(home.resolve("sni.pfx"), "sni-pw".toCharArray());
        Path password = Files.writeString(home.resolve("sni-pw.txt"), "sni-pw");
        String connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --certificate " + pfx + " --password-file " + password;
        ShellProcess.Result result =
                shell.run(connect + " --send-certificate-chain", "context", "get /organization --output none");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("SendCertificateChain\\s+: True")
                .containsPattern("CertificateSubjectName\\s+: "
                        + identities.trustedSubject().subjectName());
        ShellProcess.Result withoutChain = shell.run(connect);
        assertThat(withoutChain.exitCode()).isEqualTo(1);
        assertThat(withoutChain.err()).contains("AADSTS700027");
    }
}

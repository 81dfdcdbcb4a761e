package dev.entrashell.certificate;

import java.nio.file.Path;
import java.security.Key;
import java.security.Security;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import dev.entrashell.TestShell;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connect --thumbprint} and {@code --subject-name} with the default stores of Windows and macOS,
 * all the way to a token from the emulator and a Graph call. The OS providers are played by
 * {@link FakeOsStores} under their real type names, and the JVM is told it runs on that OS for the test
 * ({@code os.name} is what the store list is chosen by). On "Windows" the key is opaque, as SunMSCAPI's
 * is: MSAL must sign the assertion through the store's provider, never with key material of its own.
 */
// Sets os.name for the whole JVM: alone, so no other class sees the pretended system.
@Isolated
class OsStoreConnectTest {
    @TempDir
    Path home;

    private final String realOs = System.getProperty("os.name");
    private FakeOsStores provider;

    @AfterEach
    void restore() {
        System.setProperty("os.name", realOs);
        if (provider != null) {
            Security.removeProvider(provider.getName());
        }
    }

    /** Windows: found in CurrentUser\My, signed inside the "OS"; LocalMachine\My missing on this Java is named. */
    @Test
    void windowsCurrentUserStoreWithANonExportableKey() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            DemoTenant demo = emulator.demo();
            FakeOsStores.OpaqueKey key = new FakeOsStores.OpaqueKey(demo.privateKey());
            pretendOs("Windows 11", "Windows-MY", key, demo);
            TestShell shell = TestShell.against(emulator, home);

            int code = shell.run(
                    connect(demo) + " --thumbprint " + demo.thumbprintSha1Hex().toLowerCase(),
                    "context --output json",
                    "get /organization --select displayName --output json");

            assertThat(code).as(shell.err()).isZero();
            assertThat(key.signatures())
                    .as("assertions signed by the store's provider")
                    .isPositive();
            assertThat(shell.out())
                    .contains("\"TokenCredentialType\": \"ClientCertificate\"")
                    .contains("\"CertificateThumbprint\": \""
                            + demo.thumbprintSha1Hex().toUpperCase() + "\"")
                    .contains("\"displayName\":\"" + demo.organizationName() + "\"");

            TestShell missing = TestShell.against(emulator, home.resolve("other"));
            assertThat(missing.run(connect(demo) + " --thumbprint " + "AB".repeat(20)))
                    .isEqualTo(1);
            assertThat(missing.err())
                    .contains("Windows CurrentUser\\My (1 certificate)")
                    .contains("Windows LocalMachine\\My (not available on this Java")
                    .contains(home.resolve("other").resolve("certs").toString());
        }
    }

    /** macOS: the login keychain, found by subject name; the keychain exports the key to the JVM. */
    @Test
    void macOsLoginKeychainBySubjectName() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            DemoTenant demo = emulator.demo();
            pretendOs("Mac OS X", "KeychainStore", demo.privateKey(), demo);
            TestShell shell = TestShell.against(emulator, home);
            String subject = demo.certificate().getSubjectX500Principal().getName();

            int code =
                    shell.run(connect(demo) + " --subject-name '" + subject + "'", "get /organization --output json");

            assertThat(code).as(shell.err()).isZero();
            assertThat(shell.out()).contains("\"displayName\":\"" + demo.organizationName() + "\"");
        }
    }

    /**
     * cert list, show and export read the Windows store too: the certificate with its (opaque) key is
     * listed OK without the key being read, and its public part exported.
     */
    @Test
    void certCommandsReadTheWindowsStore() throws Exception {
        TestCertificates.Issued issued = TestCertificates.rsa("Windows App", 2048);
        provider = new FakeOsStores()
                .store(
                        "Windows-MY",
                        Map.of(
                                "Windows App",
                                new FakeOsStores.Entry(
                                        new FakeOsStores.OpaqueKey(issued.keys().getPrivate()), issued.certificate())));
        Security.addProvider(provider);
        System.setProperty("os.name", "Windows 11");
        TestShell shell = new TestShell(home, Map.of(), false);

        assertThat(shell.run("cert list --output csv", "cert export " + issued.thumbprint()))
                .as(shell.err())
                .isZero();
        assertThat(shell.out())
                .contains(issued.thumbprint() + ",OK,CN=Windows App,")
                .contains(",RSA 2048,true,,Windows CurrentUser\\My\r\n")
                .contains(CertificateEncodings.pem(issued.certificate()));
        assertThat(shell.err()).isEmpty();
    }

    private void pretendOs(String osName, String storeType, Key key, DemoTenant demo) {
        provider = new FakeOsStores()
                .store(storeType, Map.of("Entra Shell Demo", new FakeOsStores.Entry(key, demo.certificate())));
        Security.addProvider(provider);
        System.setProperty("os.name", osName);
    }

    private static String connect(DemoTenant demo) {
        return "connect --environment " + TestShell.ENVIRONMENT + " --tenant-id " + demo.tenantId() + " --client-id "
                + demo.clientId() + " --no-welcome";
    }
}

package dev.entrashell.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.aad.msal4j.ClientCredentialFactory;

import dev.entrashell.emulator.demo.DemoIdentities;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.tls.Pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorMainTest {

    @Test
    void parsesEveryOption() throws Exception {
        EmulatorArguments arguments = EmulatorArguments.parse(
                "--state",
                "/tmp/x",
                "--login-port",
                "8443",
                "--graph-port=8444",
                "--users",
                "1000",
                "--token-lifetime",
                "600",
                "--quiet");

        assertThat(arguments.stateDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(arguments.help()).isFalse();
        assertThat(arguments.quiet()).isTrue();
        EmulatorOptions options = arguments.toOptions();
        assertThat(options.loginPort()).isEqualTo(8443);
        assertThat(options.graphPort()).isEqualTo(8444);
        assertThat(options.userCount()).isEqualTo(1000);
        assertThat(options.tokenLifetime()).isEqualTo(Duration.ofSeconds(600));
        assertThat(options.stateDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void parsesThrottlingModes() throws Exception {
        assertThat(EmulatorArguments.parse("--throttle", "every:5:2")
                        .toOptions()
                        .throttling())
                .isEqualTo(Throttling.everyNthRequest(5, 2));
        assertThat(EmulatorArguments.parse("--throttle=first:3").toOptions().throttling())
                .isEqualTo(Throttling.firstRequestPerPath(3));
        assertThat(EmulatorArguments.parse("--throttle", "unavailable:4")
                        .toOptions()
                        .throttling())
                .isEqualTo(Throttling.serviceUnavailableOncePerPath(4));
        assertThat(EmulatorArguments.parse().toOptions().throttling().isOff()).isTrue();
        assertUsage(new String[] {"--throttle", "sometimes"}, "--throttle: 'sometimes' is not a throttling mode");
        assertUsage(new String[] {"--throttle", "every:1:2"}, "--throttle: '1' is not a number from 2");
    }

    @Test
    void defaultsToTheStateFolderInTheWorkingDirectory() throws Exception {
        EmulatorArguments arguments = EmulatorArguments.parse();

        assertThat(arguments.stateDir()).isEqualTo(Path.of("entra-emulator-state"));
        assertThat(arguments.toOptions().userCount()).isEqualTo(300);
        assertThat(arguments.toOptions().tokenLifetime()).isEqualTo(Duration.ofSeconds(3599));
        assertThat(EmulatorArguments.parse("--help").help()).isTrue();
    }

    @Test
    void namesTheBadValueAndTheFix() {
        assertUsage(new String[] {"--login-port", "abc"}, "--login-port: 'abc' is not a number from 0 to 65535");
        assertUsage(new String[] {"--graph-port", "70000"}, "'70000'");
        assertUsage(new String[] {"--users", "-1"}, "--users: '-1'");
        assertUsage(new String[] {"--token-lifetime", "0"}, "--token-lifetime: '0'");
        assertUsage(new String[] {"--state"}, "--state needs a value; e.g. --state ./entra-emulator-state");
        assertUsage(new String[] {"--users", "--quiet"}, "--users needs a value");
        assertUsage(new String[] {"--frobnicate"}, "unknown option '--frobnicate'; run with --help");
        assertUsage(new String[] {"extra"}, "unexpected argument 'extra'");
        assertUsage(new String[] {"--login-port", "9000", "--graph-port", "9000"}, "different ports");
    }

    @Test
    void bannerTellsClientsWhatTheyNeed() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withUserCount(2))) {
            String banner = EmulatorMain.banner(emulator, EmulatorArguments.parse("--state", "/srv/emu"));

            assertThat(banner)
                    .contains(emulator.loginEndpoint().toString())
                    .contains(emulator.graphEndpoint().toString())
                    .contains("/srv/emu/ca.pem")
                    .contains(emulator.demo().tenantId())
                    .contains("contosodemo.onmicrosoft.com")
                    .contains(emulator.demo().clientId())
                    .contains("Entra Shell Demo")
                    .contains("User.Read.All")
                    .contains(emulator.demo().thumbprintSha1Hex())
                    .contains("/srv/emu/demo-app.pfx")
                    .contains("/srv/emu/demo-app.pem")
                    .contains("/srv/emu/demo-app.cer")
                    .contains("/srv/emu/demo-app.secret")
                    .contains("curl ")
                    .doesNotContain(emulator.demo().clientSecret());
            DemoIdentities identities = emulator.demoIdentities();
            assertThat(banner)
                    .contains("AZURE_POD_IDENTITY_AUTHORITY_HOST=" + emulator.managedIdentityEndpoint())
                    .contains("IDENTITY_ENDPOINT=" + emulator.identityEndpoint())
                    .contains("IDENTITY_HEADER=\"$(cat '/srv/emu/identity-header')\"")
                    .doesNotContain(emulator.identityHeader())
                    .contains(identities.systemAssigned().clientId())
                    .contains(identities.userAssigned().clientId())
                    .contains(identities.federatedCredential().issuer())
                    .contains("system:serviceaccount:automation:entra-shell")
                    .contains("/srv/emu/federated-token.jwt")
                    .contains("CN=entra-shell-sni.contosodemo.onmicrosoft.com")
                    .contains("/srv/emu/sni-client.pem");
        }
    }

    /** The files the standalone emulator writes for the federated and SN+I demos sign in with MSAL4J. */
    @Test
    void workloadFilesSignTheDemoAppIn(@TempDir Path state) throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withUserCount(2))) {
            EmulatorMain.writeWorkloadFiles(emulator, state);
            MsalClients msal = new MsalClients(emulator);
            DemoTenant demo = emulator.demo();

            assertThat(Files.readString(state.resolve("identity-header"))).isEqualTo(emulator.identityHeader());
            Path tokenFile = state.resolve("federated-token.jwt");
            String federated = msal.acquire(
                    demo.clientId(),
                    ClientCredentialFactory.createFromCallback(() -> Files.readString(tokenFile)),
                    demo.tenantId(),
                    false);
            assertThat(TestJwt.claims(Files.readString(tokenFile)).get("exp").getAsLong()
                            - TestJwt.claims(Files.readString(tokenFile))
                                    .get("nbf")
                                    .getAsLong())
                    .isEqualTo(Duration.ofHours(24).toSeconds());

            List<X509Certificate> chain = new ArrayList<>();
            PrivateKey key = null;
            for (Pem.Block block : Pem.decode(Files.readString(state.resolve("sni-client.pem")))) {
                if (block.type().equals(Pem.CERTIFICATE)) {
                    chain.add(Pem.certificate(block.der()));
                } else {
                    key = Pem.rsaPrivateKey(block.der());
                }
            }
            assertThat(chain).hasSize(2);
            String sni = msal.acquire(
                    demo.clientId(),
                    ClientCredentialFactory.createFromCertificateChain(key, chain),
                    demo.tenantId(),
                    true);

            for (String token : List.of(federated, sni)) {
                assertThat(TestJwt.claims(token).get("appid").getAsString()).isEqualTo(demo.clientId());
            }
            if (state.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                        .isEqualTo("rw-------");
            }
        }
    }

    private static void assertUsage(String[] args, String expected) {
        assertThatThrownBy(() -> EmulatorArguments.parse(args))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}

package dev.entrashell.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connect form, with --debug on and a failing Graph call after it, then a scan of everything the
 * runs wrote: stdout, stderr, the screen of an interactive session, the history file and every file
 * under $ENTRA_SHELL_HOME. None may hold the client secret, a certificate password, the private key's
 * text, or any access token (every token the emulator issues is a JWT).
 */
class SecretLeakIT {
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}");
    private static final String PFX_PASSWORD = "leak-test-pfx-password-7Q";

    @TempDir
    Path home;

    @TempDir
    Path inputs;

    @Test
    void noSecretReachesAnyOutput() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            DemoTenant demo = emulator.demo();
            TestCertificates.Issued issued = new TestCertificates.Issued(
                    new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate());
            Path pfx = TestCertificates.writePfx(issued, inputs.resolve("app.pfx"), PFX_PASSWORD.toCharArray());
            Path pem = TestCertificates.writePem(issued, inputs.resolve("app.pem"), "pkcs8", null);
            Path passwordFile = Files.writeString(inputs.resolve("pfx-password.txt"), PFX_PASSWORD);
            Path secretFile = Files.writeString(inputs.resolve("secret.txt"), demo.clientSecret());
            TestCertificates.writePfx(
                    issued,
                    Files.createDirectories(home.resolve("certs")).resolve("stored.pfx"),
                    PFX_PASSWORD.toCharArray());
            Path ca = emulator.writeCaCertificate(inputs.resolve("ca.pem"));
            List<String> keyLines = Files.readString(pem)
                    .split("-----BEGIN PRIVATE KEY-----")[1]
                    .lines()
                    .map(String::strip)
                    .filter(l -> l.length() > 40)
                    .toList();

            String base = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                    + " ";
            List<String> forms = List.of(
                    "--certificate " + pfx + " --password-file " + passwordFile,
                    "--certificate " + pfx + " --password-env LEAK_PFX_PASSWORD",
                    "--certificate " + pem,
                    "--thumbprint " + demo.thumbprintSha1Hex() + " --password-env LEAK_PFX_PASSWORD",
                    "--subject-name 'CN=Entra Shell Demo' --password-file " + passwordFile,
                    "--secret-file " + secretFile,
                    "--secret-env LEAK_SECRET",
                    "--secret=" + demo.clientSecret());
            List<String> outputs = new ArrayList<>();
            ShellProcess shell = new ShellProcess(home)
                    .option("--debug")
                    .env("LEAK_PFX_PASSWORD", PFX_PASSWORD)
                    .env("LEAK_SECRET", demo.clientSecret());
            shell.addEnvironment(emulator, ca);
            for (String form : forms) {
                ShellProcess.Result run =
                        shell.run(base + form, "context", "token", "get /organization", "get /users/no-such-user");
                assertThat(run.exitCode()).as(form + "\n" + run.err()).isEqualTo(1); // the last line fails on purpose
                assertThat(run.err())
                        .contains("[debug] HTTP POST")
                        .contains("Request_ResourceNotFound")
                        .containsPattern(
                                "\\[debug\\] ConfidentialClientApplication debug: \\[Correlation ID: [-0-9a-f]+\\] "
                                        + "Access Token was returned"); // MSAL's own events, scanned like the rest
                outputs.add(run.out());
                outputs.add(run.err());
            }
            // Refused before any request, by picocli, whose message (traced with --debug) quotes the options
            for (String refused : List.of(
                    "--secret=" + demo.clientSecret() + " --secret=" + demo.clientSecret(),
                    "--secret=" + demo.clientSecret() + " --thumbprint " + demo.thumbprintSha1Hex())) {
                ShellProcess.Result run = shell.run(base + refused);
                assertThat(run.exitCode()).as(refused + "\n" + run.err()).isEqualTo(2);
                assertThat(run.err()).contains("picocli.CommandLine$"); // the trace is there, and is scanned
                outputs.add(run.out());
                outputs.add(run.err());
            }
            Path federated = emulator.federatedIssuer()
                    .mintToFile(
                            inputs.resolve("federated.jwt"),
                            emulator.demoIdentities().federatedCredential().subject(),
                            java.time.Duration.ofHours(1));
            ShellProcess.Result workload =
                    shell.run(base + "--federated-token-file " + federated, "token", "get /organization");
            assertThat(workload.exitCode()).as(workload.err()).isZero();
            outputs.add(workload.out());
            outputs.add(workload.err());
            ShellProcess managed = new ShellProcess(home).option("--debug");
            emulator.appServiceEnvironment().forEach(managed::env);
            ShellProcess.Result identity =
                    managed.run("connect --identity --environment Emu", "token", "get /organization");
            assertThat(identity.exitCode()).as(identity.err()).isZero();
            outputs.add(identity.out());
            outputs.add(identity.err());
            String identityHeader = emulator.identityHeader();

            ShellProcess.Result env = new ShellProcess(home)
                    .option("--debug")
                    .env("AZURE_TENANT_ID", demo.tenantId())
                    .env("AZURE_CLIENT_ID", demo.clientId())
                    .env("AZURE_CLIENT_SECRET", demo.clientSecret())
                    .run("connect --env --environment Emu", "get /organization");
            assertThat(env.exitCode()).as(env.err()).isZero();
            outputs.add(env.out());
            outputs.add(env.err());

            // A token from elsewhere (taken here with token --raw, which prints it on purpose: not scanned), given
            // through a variable with quotes and a Bearer prefix, pasted at the masked prompt, and typed inline.
            String given = new ShellProcess(home)
                    .run(base + "--secret-file " + secretFile + " --no-welcome", "token --raw")
                    .out()
                    .strip();
            ShellProcess.Result byToken = new ShellProcess(home)
                    .option("--debug")
                    .env("LEAK_TOKEN", "\"Bearer " + given + "\"")
                    .run(
                            "connect --environment Emu --access-token-env LEAK_TOKEN",
                            "context",
                            "token",
                            "get /organization");
            assertThat(byToken.exitCode()).as(byToken.err()).isZero();
            outputs.add(byToken.out());
            outputs.add(byToken.err());
            ShellProcess.Result pasted = new ShellProcess(home)
                    .option("--debug")
                    .runTyped(List.of(
                            new ShellProcess.Step("entra>", "connect --environment Emu --access-token"),
                            new ShellProcess.Step("Access token:", given),
                            new ShellProcess.Step("entra [", "connect --environment Emu --access-token=" + given),
                            new ShellProcess.Step("Warning: a token given on the command line", "exit")));
            assertThat(pasted.out()).contains("AppOnly, UserProvidedAccessToken");
            // What follows the inline line is the terminal echoing the user's own typing.
            outputs.add(pasted.out().substring(0, pasted.out().indexOf("--access-token=")));
            assertThat(Files.readString(home.resolve("history")))
                    .contains("--access-token=***")
                    .doesNotContain(given);

            // Interactive: the secret typed at the masked prompt never shows; one typed inline on the command
            // line shows as typed (the user's own echo) but never reaches history.
            String typedInline = "typed-inline-Q~secret-value-123";
            ShellProcess.Result typed = new ShellProcess(home)
                    .option("--debug")
                    .runTyped(List.of(
                            new ShellProcess.Step("entra>", base + "--secret"),
                            new ShellProcess.Step("Client secret:", demo.clientSecret()),
                            new ShellProcess.Step("entra [", "context"),
                            new ShellProcess.Step("ClientSecret", base + "--secret " + typedInline),
                            new ShellProcess.Step("AADSTS7000215", "exit")));
            assertThat(typed.out()).contains("AppOnly, ClientSecret").contains("Client secret: ****");
            outputs.add(typed.out());
            String history = Files.readString(home.resolve("history"));
            assertThat(history)
                    .contains("--secret ***")
                    .contains("connect --environment Emu")
                    .doesNotContain(typedInline);

            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    outputs.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(Files.readString(home.resolve("history")))
                    .contains("--secret ***")
                    .contains("connect --environment Emu");
            for (String output : outputs) {
                assertThat(output)
                        .doesNotContain(demo.clientSecret())
                        .doesNotContain(PFX_PASSWORD)
                        .doesNotContain(identityHeader)
                        .doesNotContainPattern(JWT);
                keyLines.forEach(line -> assertThat(output).doesNotContain(line));
            }
        }
    }
}

package dev.entrashell.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.Pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The emulator checked by a client written elsewhere: MSAL Python (Debian's {@code python3-msal},
 * which {@code .ci/run} installs) signs in with a certificate (with and without {@code x5c}), a
 * secret and a wrong secret, and {@code requests} calls Graph with the tokens; {@code requests} also
 * signs in at the v1.0 token endpoint. Missing Python or MSAL fails the test rather than skipping
 * it: CI installs them, so their absence is a broken machine, not a reason to pass.
 */
@EmulatorTest(users = 5)
class MsalPythonConformanceTest {
    /** Debian's interpreter, which sees the apt-installed msal (a pyenv python3 on PATH may not). */
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final Path SCRIPT =
            Path.of(System.getProperty("basedir", ".")).resolve("src/test/python/conformance.py");
    private static final String INSTALL_HINT = "install them with: apt-get install -y python3-msal python3-requests";

    private static Emulator emulator;

    @Test
    void msalPythonSignsInAndRequestsCallsGraph(@TempDir Path directory) throws Exception {
        requireMsalPython();
        DemoTenant demo = emulator.demo();
        Path certificate = Files.writeString(directory.resolve("demo.crt"), Pem.encode(demo.certificate()));
        Path privateKey = Files.writeString(directory.resolve("demo.key"), Pem.encode(demo.privateKey()));
        Map<String, String> environment = Map.of(
                "EMULATOR_AUTHORITY", emulator.loginEndpoint() + "/" + demo.tenantId(),
                "EMULATOR_GRAPH", emulator.graphEndpoint().toString(),
                "EMULATOR_CA",
                        emulator.writeCaCertificate(directory.resolve("ca.pem")).toString(),
                "EMULATOR_CLIENT_ID", demo.clientId(),
                "EMULATOR_CLIENT_SECRET", demo.clientSecret(),
                "EMULATOR_CERTIFICATE", certificate.toString(),
                "EMULATOR_PRIVATE_KEY", privateKey.toString(),
                "EMULATOR_THUMBPRINT", demo.thumbprintSha1Hex());

        Run run = python(directory, environment, SCRIPT.toString());

        JsonObject results = parse(run);
        assertThat(results.get("msal_version").getAsString()).startsWith("1.");
        for (String signIn : new String[] {"certificate", "certificate_with_x5c", "secret"}) {
            JsonObject result = results.getAsJsonObject(signIn);
            assertThat(result.get("signed_in").getAsBoolean())
                    .as(signIn + ": " + result)
                    .isTrue();
            assertThat(result.get("appid").getAsString()).as(signIn).isEqualTo(demo.clientId());
            assertThat(result.get("graph_status").getAsInt()).as(signIn).isEqualTo(200);
            assertThat(result.get("organizations").getAsInt()).as(signIn).isEqualTo(1);
        }
        assertThat(results.getAsJsonObject("certificate").get("appidacr").getAsString())
                .isEqualTo("2");
        assertThat(results.getAsJsonObject("secret").get("appidacr").getAsString())
                .isEqualTo("1");
        JsonObject wrong = results.getAsJsonObject("wrong_secret");
        assertThat(wrong.get("signed_in").getAsBoolean()).isFalse();
        assertThat(wrong.get("error").getAsString()).isEqualTo("invalid_client");
        assertThat(wrong.get("error_codes").getAsJsonArray().get(0).getAsInt()).isEqualTo(7000215);
        assertThat(wrong.get("error_description").getAsString()).startsWith("AADSTS7000215: Invalid client secret");
        JsonObject v1 = results.getAsJsonObject("v1_secret");
        assertThat(v1.get("signed_in").getAsBoolean()).as(v1.toString()).isTrue();
        assertThat(v1.get("expires_in").getAsString()).isEqualTo("3599");
        assertThat(v1.get("graph_status").getAsInt()).isEqualTo(200);
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    /** Fails, naming the fix, when the interpreter or its msal and requests are not there. */
    private static void requireMsalPython() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing: the MSAL Python conformance test needs Debian's python3, python3-msal and"
                    + " python3-requests; " + INSTALL_HINT);
        }
        Run check = python(Path.of("."), Map.of(), "-c", "import msal, requests");
        if (check.exitCode() != 0) {
            fail("MSAL Python or requests is missing for " + PYTHON + "; " + INSTALL_HINT + "\n" + check.output());
        }
    }

    private record Run(int exitCode, String output, String errors) {}

    private static Run python(Path directory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = PYTHON.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Path errors = Files.createTempFile("conformance", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectError(errors.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Run(
                    process.exitValue(),
                    new String(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static JsonObject parse(Run run) {
        try {
            return JsonParser.parseString(run.output()).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "the conformance script printed no JSON (exit " + run.exitCode() + "):\n" + run.output() + "\n"
                            + run.errors(),
                    e);
        }
    }
}

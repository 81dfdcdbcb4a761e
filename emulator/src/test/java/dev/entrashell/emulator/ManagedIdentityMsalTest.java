package dev.entrashell.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonObject;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import com.microsoft.aad.msal4j.ManagedIdentitySourceType;
import com.microsoft.aad.msal4j.MsalEnvironmentOverride;
import com.microsoft.aad.msal4j.MsalServiceException;

import dev.entrashell.emulator.demo.DemoIdentities;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.ManagedIdentity;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real MSAL4J 1.26 {@code ManagedIdentityApplication} against the emulator, once through each
 * source it picks from the environment: App Service ({@code IDENTITY_ENDPOINT} + {@code
 * IDENTITY_HEADER}) and IMDS ({@code AZURE_POD_IDENTITY_AUTHORITY_HOST}). In this JVM the
 * environment MSAL sees is replaced through its package; one child JVM per source proves the real
 * environment variables work too.
 */
@EmulatorTest(users = 5, tokenLifetimeSeconds = 900)
class ManagedIdentityMsalTest {
    private static final String GRAPH = "https://graph.microsoft.com";
    private static final Duration LIFETIME = Duration.ofSeconds(900);
    /** Variables that would make MSAL pick another source, cleared for the child processes. */
    private static final List<String> SOURCE_VARIABLES = List.of(
            "IDENTITY_ENDPOINT",
            "IDENTITY_HEADER",
            "IDENTITY_SERVER_THUMBPRINT",
            "MSI_ENDPOINT",
            "MSI_SECRET",
            "IMDS_ENDPOINT",
            "AZURE_POD_IDENTITY_AUTHORITY_HOST");

    private static Emulator emulator;
    private static DemoIdentities identities;
    private static TestClient graph;

    @BeforeAll
    static void start() throws IOException {
        identities = emulator.demoIdentities();
        graph = new TestClient(emulator.caCertificate());
    }

    @AfterEach
    void restoreEnvironment() {
        MsalEnvironmentOverride.reset();
    }

    enum Shape {
        APP_SERVICE(ManagedIdentitySourceType.APP_SERVICE, Emulator::appServiceEnvironment),
        IMDS(ManagedIdentitySourceType.DEFAULT_TO_IMDS, Emulator::imdsEnvironment);

        final ManagedIdentitySourceType source;
        final Function<Emulator, Map<String, String>> environment;

        Shape(ManagedIdentitySourceType source, Function<Emulator, Map<String, String>> environment) {
            this.source = source;
            this.environment = environment;
        }
    }

    static Stream<Arguments> identitiesByShape() {
        List<Arguments> arguments = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            arguments.add(Arguments.of(shape, "system-assigned"));
            arguments.add(Arguments.of(shape, "client id"));
            arguments.add(Arguments.of(shape, "resource id"));
            arguments.add(Arguments.of(shape, "object id"));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("identitiesByShape")
    void msalGetsAGraphTokenForTheIdentity(Shape shape, String selectedBy) throws Exception {
        MsalEnvironmentOverride.set(shape.environment.apply(emulator));
        ManagedIdentity expected =
                selectedBy.equals("system-assigned") ? identities.systemAssigned() : identities.userAssigned();
        ManagedIdentityId id =
                switch (selectedBy) {
                    case "system-assigned" -> ManagedIdentityId.systemAssigned();
                    case "client id" -> ManagedIdentityId.userAssignedClientId(expected.clientId());
                    case "resource id" -> ManagedIdentityId.userAssignedResourceId(expected.resourceId());
                    default -> ManagedIdentityId.userAssignedObjectId(expected.principalId());
                };
        assertThat(ManagedIdentityApplication.getManagedIdentitySource()).isEqualTo(shape.source);

        Instant start = Instant.now();
        long before = start.getEpochSecond();
        IAuthenticationResult result = acquire(id);

        JsonObject claims = TestJwt.claims(result.accessToken());
        assertThat(claims.get("appid").getAsString()).isEqualTo(expected.clientId());
        assertThat(claims.get("oid").getAsString()).isEqualTo(expected.principalId());
        assertThat(claims.get("xms_mirid").getAsString()).isEqualTo(expected.resourceId());
        assertThat(result.expiresOnDate().toInstant().getEpochSecond())
                .isBetween(before + LIFETIME.getSeconds(), before + LIFETIME.getSeconds() + 5);
        assertThat(graph.get(URI.create(emulator.graphEndpoint() + "/v1.0/users?$top=1"), result.accessToken())
                        .statusCode())
                .isEqualTo(200);
        RecordedRequest sent = identityRequestSince(start);
        if (shape == Shape.APP_SERVICE) {
            assertThat(sent.pathAndQuery()).startsWith("/msi/token?").contains("api-version=2019-08-01");
            assertThat(sent.headers()).containsKey("X-IDENTITY-HEADER");
        } else {
            assertThat(sent.pathAndQuery())
                    .startsWith("/metadata/identity/oauth2/token?")
                    .contains("api-version=2018-02-01");
            assertThat(sent.headers().get("Metadata")).containsExactly("true");
        }
    }

    @Test
    void msalSurfacesAppServicesRefusalOfAnUnknownIdentity() {
        MsalEnvironmentOverride.set(emulator.appServiceEnvironment());

        assertThatThrownBy(() -> acquire(ManagedIdentityId.userAssignedClientId(Guids.random())))
                .isInstanceOfSatisfying(MsalServiceException.class, e -> assertThat(e.getMessage())
                        .contains("No User Assigned or Delegated Managed Identity found"));
    }

    @Test
    void msalSurfacesImdsRefusalOfAnUnknownIdentity() {
        MsalEnvironmentOverride.set(emulator.imdsEnvironment());

        assertThatThrownBy(() -> acquire(ManagedIdentityId.userAssignedObjectId(Guids.random())))
                .isInstanceOfSatisfying(MsalServiceException.class, e -> assertThat(e.getMessage())
                        .contains("invalid_request")
                        .contains("Identity not found"));
    }

    @Test
    void msalWithAWrongIdentityHeaderIsRefused() {
        MsalEnvironmentOverride.set(
                Map.of("IDENTITY_ENDPOINT", emulator.identityEndpoint().toString(), "IDENTITY_HEADER", "stale-secret"));

        assertThatThrownBy(() -> acquire(ManagedIdentityId.systemAssigned()))
                .isInstanceOfSatisfying(MsalServiceException.class, e -> assertThat(e.getMessage())
                        .contains("X-IDENTITY-HEADER"));
    }

    @Test
    void aChildProcessUsesTheAppServiceVariables() throws Exception {
        ChildResult result = runChild(
                emulator.appServiceEnvironment(),
                "client_id",
                identities.userAssigned().clientId());

        assertThat(result.lines()).as(result.output()).contains("SOURCE APP_SERVICE");
        assertThat(TestJwt.claims(result.token()).get("appid").getAsString())
                .isEqualTo(identities.userAssigned().clientId());
    }

    @Test
    void aChildProcessUsesTheImdsVariable() throws Exception {
        ChildResult result = runChild(emulator.imdsEnvironment(), "system");

        assertThat(result.lines()).as(result.output()).contains("SOURCE DEFAULT_TO_IMDS");
        assertThat(TestJwt.claims(result.token()).get("appid").getAsString())
                .isEqualTo(identities.systemAssigned().clientId());
    }

    private static IAuthenticationResult acquire(ManagedIdentityId id) throws Exception {
        ManagedIdentityApplication app = ManagedIdentityApplication.builder(id)
                .disableInternalRetries()
                .connectTimeoutForDefaultHttpClient(10_000)
                .readTimeoutForDefaultHttpClient(10_000)
                .build();
        try {
            return app.acquireTokenForManagedIdentity(ManagedIdentityParameters.builder(GRAPH)
                            .forceRefresh(true)
                            .build())
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static RecordedRequest identityRequestSince(Instant start) {
        return RecordedRequests.last(
                emulator,
                request -> request.server().equals(Emulator.IDENTITY_SERVER)
                        && !request.time().isBefore(start));
    }

    record ChildResult(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }

        String token() {
            return lines().stream()
                    .filter(line -> line.startsWith("TOKEN "))
                    .map(line -> line.substring(6))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no token from the child: " + output));
        }
    }

    /** {@code java -cp <the test classpath> ManagedIdentityChild ...} with only the given source variables. */
    private static ChildResult runChild(Map<String, String> environment, String... arguments) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                classPath,
                ManagedIdentityChild.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        SOURCE_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        ChildResult result = new ChildResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }
}

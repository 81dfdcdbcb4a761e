package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.faults.LoginFault;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.http.RequestHandler;
import dev.entrashell.emulator.http.ResponseFault;
import dev.entrashell.emulator.http.ServerRequest;
import dev.entrashell.emulator.http.ServerResponse;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cert rotate} through the jar against the emulator: an app whose certificate expires in ten days
 * rolls it with addKey/removeKey; a failure injected at each step (addKey refused, the new sign-in
 * refused, removeKey refused, the process killed) leaves a key that works and says so, and a re-run
 * finishes; {@code --dry-run} writes nothing.
 */
@EmulatorTest
class CertRotateIT {
    private static final String PASSWORD = "rotate-pfx-password";
    private static final String SUBJECT = "CN=Rotating App";
    private static Emulator emulator;
    private static Path ca;

    @TempDir
    static Path files;

    @TempDir
    Path home;

    private ShellProcess shell;
    private Path store;
    private Path passwordFile;
    private String clientId;
    private TestCertificates.Issued old;
    private Path oldPfx;

    @BeforeAll
    static void start() throws Exception {
        ca = emulator.writeCaCertificate(files.resolve("ca.pem"));
    }

    @BeforeEach
    void app() throws Exception {
        shell = new ShellProcess(home);
        ShellProcess.Result added = shell.run("environment add Emu --login-endpoint " + emulator.loginEndpoint()
                + " --graph-endpoint " + emulator.graphEndpoint() + " --ca-file " + ca);
        assertThat(added.exitCode()).as(added.err()).isZero();
        store = Files.createDirectories(home.resolve("store"));
        passwordFile = Files.writeString(home.resolve("password.txt"), PASSWORD + "\n");
        old = TestCertificates.issue(
                "Rotating App",
                "RSA",
                2048,
                Instant.now().minus(Duration.ofDays(355)),
                Instant.now().plus(Duration.ofDays(10)));
        oldPfx = TestCertificates.writePfx(
                old, store.resolve(thumbprint(old.certificate()) + ".pfx"), PASSWORD.toCharArray());
        clientId = UUID.randomUUID().toString();
        register(Set.of("Application.Read.All"));
    }

    @AfterEach
    void behave() {
        emulator.setGraphFault(ResponseFault.NONE);
        emulator.setLoginFault(LoginFault.none());
    }

    private void register(Set<String> roles) {
        emulator.directory()
                .registerApplication(
                        emulator.demo().tenantId(),
                        AppRegistration.of(clientId, "Rotating App", List.of(old.certificate()), List.of(), roles));
    }

    /** The cron line's connect: by subject name, so it finds whichever certificate is newest. */
    private String connect() {
        return "connect --environment Emu --tenant-id " + emulator.demo().tenantId() + " --client-id " + clientId
                + " --subject-name '" + SUBJECT + "' --store " + store + " --password-file " + passwordFile;
    }

    private String connectWith(Path pfx) {
        return "connect --environment Emu --tenant-id " + emulator.demo().tenantId() + " --client-id " + clientId
                + " --certificate " + pfx + " --password-file " + passwordFile;
    }

    private String rotate(String options) {
        return "cert rotate --password-file " + passwordFile + (options.isEmpty() ? "" : " " + options);
    }

    @Test
    void anExpiringCertificateIsReplacedAndTheOldOneStopsSigningIn() throws Exception {
        ShellProcess.Result result = shell.run(connect(), rotate(""), "context");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String fresh = onlyKeyOnTheApp();
        assertThat(fresh).isNotEqualTo(thumbprint(old.certificate()));
        assertThat(result.out())
                .containsPattern("Thumbprint\\s+: " + fresh)
                .containsPattern("NotAfter\\s+: 20")
                .containsPattern("CertificateThumbprint\\s+: " + fresh);
        assertThat(result.err())
                .contains("1/5 Made " + SUBJECT)
                .contains("2/5 Added the new certificate to the app (addKey")
                .contains("3/5 Signed in with the new certificate " + fresh)
                .contains("4/5 This session now uses certificate " + fresh)
                .contains("5/5 Removed the old certificate " + thumbprint(old.certificate()));
        Path aside = store.resolve(oldPfx.getFileName() + ".replaced-by-" + fresh);
        assertThat(oldPfx).doesNotExist();
        assertThat(aside).exists();
        assertThat(store.resolve(fresh + ".pfx")).exists();

        ShellProcess.Result withOld = shell.run(connectWith(aside));
        assertThat(withOld.exitCode()).isEqualTo(1);
        assertThat(withOld.err()).contains("AADSTS700027");
        ShellProcess.Result sameLine = shell.run(connect(), "context");
        assertThat(sameLine.exitCode()).as(sameLine.err()).isZero();
        assertThat(sameLine.out()).containsPattern("CertificateThumbprint\\s+: " + fresh);

        ShellProcess.Result again = shell.run(connect(), rotate("--output json"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).contains("Nothing to do: certificate " + fresh);
    }

    /**
     * A saved connection that used the old certificate follows the rotation: by thumbprint, the new
     * thumbprint; by file, the new key file. 'connect NAME' then signs in with the new key.
     */
    @Test
    void savedConnectionsFollowTheRotation() throws Exception {
        String byThumbprint =
                "connect --environment Emu --tenant-id " + emulator.demo().tenantId() + " --client-id "
                        + clientId + " --thumbprint " + thumbprint(old.certificate()) + " --store " + store
                        + " --password-file " + passwordFile + " --name by-thumbprint";
        ShellProcess.Result first = shell.run(byThumbprint, rotate(""));
        assertThat(first.exitCode()).as(first.err()).isZero();
        String second = onlyKeyOnTheApp();
        assertThat(first.err()).contains("Saved connection 'by-thumbprint' updated");

        Path secondPfx = store.resolve(second + ".pfx");
        ShellProcess.Result again = shell.run(
                "connect by-thumbprint", "context", connectWith(secondPfx) + " --name by-file", rotate("--before 0"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("CertificateThumbprint\\s+: " + second);
        String third = onlyKeyOnTheApp();
        assertThat(third).isNotEqualTo(second);
        assertThat(again.err()).contains("Saved connection 'by-file' updated");

        ShellProcess.Result byFile = shell.run("connect by-file", "context", "connection show by-file --output json");
        assertThat(byFile.exitCode()).as(byFile.err()).isZero();
        assertThat(byFile.out())
                .containsPattern("CertificateThumbprint\\s+: " + third)
                .contains("--certificate " + store.resolve(third + ".pfx").toAbsolutePath());
        ShellProcess.Result stale = shell.run("connect by-thumbprint");
        assertThat(stale.exitCode())
                .as("by-thumbprint still names the second key, which the second rotation put aside")
                .isEqualTo(1);
        assertThat(stale.err()).contains("No certificate with thumbprint " + second);
    }

    /** With --debug the exchanges show, but not the proofs (each vouches for the key for ten minutes). */
    @Test
    void jsonOutputCarriesTheNewThumbprintAndExpiryAndDebugHidesTheProofs() throws Exception {
        ShellProcess.Result result = shell.option("--debug").run(connect(), rotate("--output json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("/addKey").contains("/removeKey").contains("\"proof\"");
        assertThat(result.err()).doesNotContainPattern("\"proof\"\\s*:\\s*\"eyJ");
        var json = JsonParser.parseString(result.out()).getAsJsonObject();
        assertThat(json.get("Thumbprint").getAsString()).isEqualTo(onlyKeyOnTheApp());
        assertThat(Instant.parse(json.get("NotAfter").getAsString()))
                .isAfter(Instant.now().plus(Duration.ofDays(300)));
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        List<RecordedRequest> before = emulator.requests();
        ShellProcess.Result result = shell.run(connect(), rotate("--dry-run"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Dry run, nothing is written").contains("Would remove the old certificate");
        ShellProcess.Result badMonths = shell.run(connect(), rotate("--dry-run --months 0"));
        assertThat(badMonths.exitCode()).isEqualTo(2);
        assertThat(badMonths.errLines()).last().asString().startsWith("--months 0 is out of range");
        assertThat(writesSince(before)).isEmpty();
        assertThat(keysOnTheApp()).containsExactly(thumbprint(old.certificate()));
        try (Stream<Path> left = Files.list(store)) {
            assertThat(left).containsExactly(oldPfx);
        }
    }

    @Test
    void addKeyRefusedLeavesTheAppAsItWasAndAReRunFinishes() throws Exception {
        emulator.setGraphFault(refuse("/addKey"));
        ShellProcess.Result failed = shell.run(connect(), rotate(""));
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err())
                .contains("addKey failed")
                .contains("Nothing changed on the app: it still signs in with " + thumbprint(old.certificate()))
                .contains("run cert rotate again");
        assertThat(keysOnTheApp()).containsExactly(thumbprint(old.certificate()));

        emulator.setGraphFault(ResponseFault.NONE);
        ShellProcess.Result rerun = shell.run(connect(), rotate(""));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("1/5 Using the new certificate");
        onlyKeyOnTheApp();
    }

    @Test
    void theNewSignInRefusedKeepsTheOldKeyAndAReRunFinishes() throws Exception {
        AtomicBoolean armed = new AtomicBoolean(true);
        emulator.addRequestListener(request -> {
            if (armed.get()
                    && request.method().equals("POST")
                    && request.pathAndQuery().endsWith("/addKey")) {
                emulator.setLoginFault(LoginFault.serverError(500));
            }
        });
        ShellProcess.Result failed = shell.run(connect(), rotate(""));
        armed.set(false);
        emulator.setLoginFault(LoginFault.none());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err())
                .contains("Signing in with the new certificate failed")
                .contains("The app holds both keys and this session still uses " + thumbprint(old.certificate()))
                .contains("run cert rotate again");
        assertThat(keysOnTheApp()).hasSize(2).contains(thumbprint(old.certificate()));
        assertThat(shell.run(connectWith(oldPfx)).exitCode()).isZero();

        ShellProcess.Result rerun = shell.run(connect(), rotate(""));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("2/5 The app already holds the new certificate");
        onlyKeyOnTheApp();
    }

    @Test
    void removeKeyRefusedLeavesBothKeysAndAReRunRemovesTheOldOne() throws Exception {
        emulator.setGraphFault(refuse("/removeKey"));
        ShellProcess.Result failed = shell.run(connect(), rotate(""));
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err())
                .contains("4/5 This session now uses certificate")
                .contains("removeKey failed")
                .contains("The app holds both keys and this session uses the new certificate")
                .contains("Run cert rotate again to remove it.");
        assertThat(keysOnTheApp()).hasSize(2);
        assertThat(oldPfx).exists();

        emulator.setGraphFault(ResponseFault.NONE);
        ShellProcess.Result rerun = shell.run(connect(), rotate(""));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("is under way and this session already uses it: finishing");
        String fresh = onlyKeyOnTheApp();
        assertThat(store.resolve(oldPfx.getFileName() + ".replaced-by-" + fresh))
                .exists();
    }

    /** Killed after Graph applied addKey but before its answer arrived: the re-run does not add it twice. */
    @Test
    void aProcessKilledAfterAddKeyLeavesAWorkingKeyAndAReRunFinishesWithoutADuplicate() throws Exception {
        killDuring("/addKey", true);
        assertThat(keysOnTheApp()).hasSize(2);
        ShellProcess.Result connects = shell.run(connect(), "context");
        assertThat(connects.exitCode()).as(connects.err()).isZero();
        assertThat(connects.out()).containsPattern("CertificateThumbprint\\s+: " + thumbprint(old.certificate()));

        ShellProcess.Result rerun = shell.run(connect(), rotate(""));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("1/5 Using the new certificate").contains("2/5 The app already holds");
        onlyKeyOnTheApp();
    }

    /** Killed after the switch, before removeKey reached Graph: the same connect line signs in with the new key. */
    @Test
    void aProcessKilledBeforeRemoveKeyLeavesBothKeysAndAReRunRemovesTheOldOne() throws Exception {
        killDuring("/removeKey", false);
        List<String> keys = keysOnTheApp();
        assertThat(keys).hasSize(2);
        String fresh = keys.stream()
                .filter(key -> !key.equals(thumbprint(old.certificate())))
                .findFirst()
                .orElseThrow();
        ShellProcess.Result connects = shell.run(connect(), "context");
        assertThat(connects.exitCode()).as(connects.err()).isZero();
        assertThat(connects.out()).containsPattern("CertificateThumbprint\\s+: " + fresh);

        ShellProcess.Result rerun = shell.run(connect(), rotate(""));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("finishing").contains("5/5 Removed the old certificate");
        assertThat(onlyKeyOnTheApp()).isEqualTo(fresh);
        assertThat(store.resolve(oldPfx.getFileName() + ".replaced-by-" + fresh))
                .exists();
    }

    /**
     * Runs the rotation in a child process and kills it while Graph holds the request whose path ends with
     * {@code pathEnd}: applied first when {@code applied}, else never applied.
     */
    private void killDuring(String pathEnd, boolean applied) throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        emulator.setGraphFault(new ResponseFault() {
            @Override
            public ServerResponse answer(ServerRequest request, RequestHandler serve) {
                if (!request.rawPath().endsWith(pathEnd)) {
                    return serve.handle(request);
                }
                ServerResponse response = applied ? serve.handle(request) : ServerResponse.text(503, "killed");
                arrived.countDown();
                try {
                    killed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return response;
            }
        });
        Process process = shell.start(connect(), rotate(""));
        try {
            assertThat(arrived.await(60, TimeUnit.SECONDS)).isTrue();
            process.destroyForcibly().waitFor();
        } finally {
            killed.countDown();
            emulator.setGraphFault(ResponseFault.NONE);
        }
    }

    @Test
    void anAppThatMayNotReadItselfGivesItsIdsOnceAndTheNextRotationRemembersThem() throws Exception {
        register(Set.of());
        ShellProcess.Result missing = shell.run(connect(), rotate(""));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines().get(missing.errLines().size() - 1))
                .contains("cert rotate needs the app's object id")
                .contains("--object-id ID")
                .contains("--old-key-id ID");

        var application = emulator.directory()
                .objects(emulator.demo().tenantId())
                .applicationByAppId(clientId)
                .orElseThrow();
        String objectId = application.id();
        String oldKeyId = application.keyCredentials().get(0).keyId();
        ShellProcess.Result first =
                shell.run(connect(), rotate("--object-id " + objectId + " --old-key-id " + oldKeyId));
        assertThat(first.exitCode()).as(first.err()).isZero();
        String fresh = onlyKeyOnTheApp();

        ShellProcess.Result second = shell.run(connect(), rotate("--before 0"));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(onlyKeyOnTheApp()).isNotEqualTo(fresh);
    }

    @Test
    void aConnectionWithoutACertificateIsToldRotateNeedsOne() throws Exception {
        ShellProcess.Result result = shell.run(ShellProcess.demoAppConnectLine(emulator, home), rotate(""));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines())
                .last()
                .asString()
                .startsWith("cert rotate needs a certificate connection, and this session signs in with ClientSecret");
    }

    // ---- helpers

    private static ResponseFault refuse(String pathEnd) {
        return new ResponseFault() {
            @Override
            public ServerResponse answer(ServerRequest request, RequestHandler serve) {
                if (!request.rawPath().endsWith(pathEnd)) {
                    return serve.handle(request);
                }
                return ServerResponse.json(
                        403,
                        "application/json",
                        JsonParser.parseString("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":"
                                + "\"Insufficient privileges to complete the operation.\",\"innerError\":{}}}"),
                        Map.of());
            }
        };
    }

    private static List<RecordedRequest> writesSince(List<RecordedRequest> before) {
        return emulator.requests().stream()
                .filter(request -> !before.contains(request))
                .filter(request -> request.server().equals(Emulator.GRAPH_SERVER))
                .filter(request -> !request.method().equals("GET"))
                .toList();
    }

    private List<String> keysOnTheApp() {
        return emulator
                .directory()
                .application(emulator.demo().tenantId(), clientId)
                .orElseThrow()
                .certificates()
                .stream()
                .map(CertRotateIT::thumbprint)
                .toList();
    }

    private String onlyKeyOnTheApp() {
        List<String> keys = keysOnTheApp();
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private static String thumbprint(X509Certificate certificate) {
        try {
            return java.util.HexFormat.of()
                    .withUpperCase()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C stops a long paging run cleanly; the prompt and the connection remain. */
// Counts how far a paging run got before Ctrl-C stopped it: alone, so the count is its own.
@Isolated
class CancelIT {
    @TempDir
    Path home;

    @Test
    void ctrlCStopsPaging() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withUserCount(20000))) {
            DemoTenant demo = emulator.demo();
            Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
            Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
            ShellProcess shell = new ShellProcess(home);
            shell.addEnvironment(emulator, ca);
            ShellProcess.Result result = shell.runTyped(List.of(
                    new ShellProcess.Step(
                            "entra>",
                            "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                                    + demo.clientId() + " --secret-file " + secret),
                    new ShellProcess.Step("entra [", "get /users --all --top 1 --output none"),
                    new ShellProcess.Step("page", "\u0003"),
                    new ShellProcess.Step("Interrupted", "context"),
                    new ShellProcess.Step("TokenCredentialType", "exit")));
            assertThat(result.exitCode()).isZero();
            assertThat(result.out())
                    .contains("Interrupted: paging stopped")
                    .containsPattern("AppName\\s+: Entra Shell Demo");
            long pages = emulator.requests().stream()
                    .filter(r -> r.pathAndQuery().startsWith("/v1.0/users"))
                    .count();
            assertThat(pages).as("stopped well before the 20,000th page").isLessThan(19000);
        }
    }

    /**
     * Ctrl-C at a masked prompt cancels the command that asked, saying so (not that there is no
     * terminal), and the shell goes on; Ctrl-D there does the same.
     */
    @Test
    void ctrlCAtAMaskedPromptCancels() throws Exception {
        String connect = "connect --tenant-id 11111111-2222-3333-4444-555555555555 --client-id "
                + "11111111-2222-3333-4444-555555555555 --secret";
        ShellProcess.Result result = new ShellProcess(home)
                .runTyped(List.of(
                        new ShellProcess.Step("entra>", connect),
                        new ShellProcess.Step("Client secret:", "\u0003"),
                        new ShellProcess.Step("entra>", connect),
                        new ShellProcess.Step("Client secret:", "\u0004"),
                        new ShellProcess.Step("entra>", "context"),
                        new ShellProcess.Step("Not connected", "exit")));
        assertThat(result.exitCode()).as(result.out()).isZero();
        String cancelled = "Cancelled at 'Client secret': nothing was done.";
        assertThat(result.out().split(cancelled, -1)).as(result.out()).hasSize(3);
        assertThat(result.out()).doesNotContain("no terminal");
    }
}

package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a terminal, delete asks first, naming the object by its displayName; anything but yes keeps it, and
 * --force does not ask. Lines given with -c delete as told (GraphCommandsIT).
 */
@EmulatorTest(users = 5)
class DeleteConfirmIT {
    private static final String SECRET = "delete-" + UUID.randomUUID();

    private static Emulator emulator;
    private static String connect;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        DemoTenant demo = emulator.demo();
        String app = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                app, "Delete Tester", List.of(), List.of(SECRET), Set.of("Group.ReadWrite.All")));
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret = Files.writeString(home.resolve("secret.txt"), SECRET);
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + app + " --secret-file "
                + secret + " --no-welcome";
    }

    @Test
    void asksNamingTheObjectAndKeepsItUnlessTheAnswerIsYes() throws Exception {
        String first = newGroup("Finance Team");
        String second = newGroup("Old Project");

        ShellProcess.Result typed = new ShellProcess(home)
                .runTyped(List.of(
                        new ShellProcess.Step("entra>", connect),
                        new ShellProcess.Step("entra [", "delete /groups/" + first),
                        new ShellProcess.Step("Delete 'Finance Team' (/groups/" + first + ")? [y/N]", ""),
                        new ShellProcess.Step("Not deleted.", "delete /groups/" + first),
                        new ShellProcess.Step("? [y/N]", "yes"),
                        new ShellProcess.Step("entra [", "delete /groups/" + second + " --force"),
                        new ShellProcess.Step("entra [", "exit")));

        assertThat(typed.exitCode()).as(typed.out()).isZero();
        assertThat(exists(first)).isFalse();
        assertThat(exists(second)).isFalse();
        assertThat(typed.out()).doesNotContain("Delete 'Old Project'");
    }

    private static String newGroup(String name) throws Exception {
        ShellProcess.Result created = new ShellProcess(home)
                .run(
                        connect,
                        "post /groups --output json --body '{\"displayName\":\"" + name
                                + "\",\"mailNickname\":\"g"
                                + UUID.randomUUID().toString().substring(0, 8)
                                + "\",\"mailEnabled\":false,\"securityEnabled\":true}'");
        assertThat(created.exitCode()).as(created.err()).isZero();
        return JsonParser.parseString(created.out()).getAsJsonObject().get("id").getAsString();
    }

    private static boolean exists(String id) throws Exception {
        ShellProcess.Result read = new ShellProcess(home).run(connect, "get /groups/" + id + " --output none");
        return read.exitCode() == 0;
    }
}

package dev.entrashell.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.TestShell;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.session.Prompter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret or token typed at connect's masked prompt is wiped from the array the prompt gave once the
 * credential holds its own copy, whether the sign-in then works or is refused; the session still
 * signs in with it.
 */
@EmulatorTest
class CredentialWipeTest {
    private static Emulator emulator;
    private static DemoTenant demo;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        demo = emulator.demo();
    }

    /** A person typing one answer at the masked prompt; the test keeps the array handed over. */
    private static final class TypesOnce implements Prompter {
        final char[] typed;
        final List<String> asked = new ArrayList<>();

        TypesOnce(String answer) {
            typed = answer.toCharArray();
        }

        @Override
        public Optional<char[]> readSecret(String prompt) {
            asked.add(prompt);
            return Optional.of(typed);
        }
    }

    private static void assertWiped(char[] typed) {
        assertThat(new String(typed)).as("the array the prompt gave").isEqualTo("\0".repeat(typed.length));
    }

    @Test
    void aClientSecretTypedAtThePromptIsWipedOnceTheSessionHoldsItsOwnCopy() throws Exception {
        TypesOnce person = new TypesOnce(demo.clientSecret());
        TestShell shell = TestShell.against(emulator, home, person);

        assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                        + demo.clientId() + " --secret --no-welcome"))
                .as(shell.err())
                .isZero();

        // the array is wiped when the credential is made, before the sign-in: that worked on the credential's copy
        assertThat(person.asked).containsExactly("Client secret: ");
        assertWiped(person.typed);
        assertThat(shell.run("get /organization")).as(shell.err()).isZero();
    }

    @Test
    void aRefusedSecretIsWipedToo() throws Exception {
        TypesOnce person = new TypesOnce("   ");
        TestShell shell = TestShell.against(emulator, home, person);

        assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                        + demo.clientId() + " --secret"))
                .isEqualTo(2);

        assertThat(shell.err()).startsWith("--secret is empty");
        assertWiped(person.typed);
    }

    @Test
    void aTokenPastedAtThePromptIsWipedOnceTheSessionHoldsItsOwnCopy() throws Exception {
        TestShell issuer = TestShell.against(emulator, home.resolve("issuer"), new TypesOnce(demo.clientSecret()));
        assertThat(issuer.run(
                        "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                                + " --secret --no-welcome",
                        "token --raw"))
                .as(issuer.err())
                .isZero();
        TypesOnce person = new TypesOnce(issuer.out().strip());
        TestShell shell = TestShell.against(emulator, home.resolve("user"), person);

        assertThat(shell.run("connect --environment Emu --access-token --no-welcome", "get /organization"))
                .as(shell.err())
                .isZero();

        assertThat(person.asked).containsExactly("Access token: ");
        assertWiped(person.typed);
    }
}

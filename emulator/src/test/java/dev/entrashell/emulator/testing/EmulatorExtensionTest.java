package dev.entrashell.emulator.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.Emulator;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension's own promises: one emulator per class, with the options named, in fields and parameters. */
@EmulatorTest(users = 3)
class EmulatorExtensionTest {
    private static Emulator emulator;
    private static Emulator seenBeforeAll;

    @BeforeAll
    static void before(Emulator given) {
        seenBeforeAll = given;
    }

    @Test
    void theFieldAndEveryParameterAreTheClassesOneEmulator(Emulator given) {
        assertThat(emulator).isNotNull().isSameAs(given).isSameAs(seenBeforeAll);
        assertThat(emulator.directory().users(emulator.demo().tenantId()).size())
                .isEqualTo(3);
        assertThat(emulator.graphEndpoint().getPort()).isPositive();
    }
}

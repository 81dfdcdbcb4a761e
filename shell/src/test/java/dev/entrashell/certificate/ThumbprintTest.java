package dev.entrashell.certificate;

import org.junit.jupiter.api.Test;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThumbprintTest {
    private static final String HEX = "0F3A5B7C9D1E2F30415263748596A7B8C9D0E1F2";

    /** What people paste from Windows, PowerShell or openssl normalises to one form. */
    @Test
    void normalisesPastedForms() {
        assertThat(Thumbprint.parse(HEX.toLowerCase()).hex()).isEqualTo(HEX);
        assertThat(Thumbprint.parse("0f 3a 5b 7c 9d 1e 2f 30 41 52 63 74 85 96 a7 b8 c9 d0 e1 f2")
                        .hex())
                .isEqualTo(HEX);
        assertThat(Thumbprint.parse("0F:3A:5B:7C:9D:1E:2F:30:41:52:63:74:85:96:A7:B8:C9:D0:E1:F2")
                        .hex())
                .isEqualTo(HEX);
        assertThat(Thumbprint.parse("\u200E" + HEX + "\uFEFF ").hex()).isEqualTo(HEX);
    }

    /** A wrong length or a non-hex character is a usage error naming the problem. */
    @Test
    void refusesWhatIsNotAThumbprint() {
        assertThatThrownBy(() -> Thumbprint.parse(HEX + "0"))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("41 hex digits")
                .satisfies(e -> assertThat(((ShellException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> Thumbprint.parse("0G3A5B7C9D1E2F30415263748596A7B8C9D0E1F2"))
                .hasMessageContaining("character 'G' at position 2");
    }

    /** Full-width digits pass Character.digit, but a thumbprint is ASCII: refused, saying so. */
    @Test
    void refusesFullWidthDigits() {
        assertThatThrownBy(() -> Thumbprint.parse("\uFF10\uFF21" + HEX.substring(2)))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("character '\uFF10' at position 1 is not an ASCII hex digit")
                .satisfies(e -> assertThat(((ShellException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }
}

package dev.entrashell.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.errors.ShellException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secret files as editors and shells write them: a final newline, a UTF-8 or UTF-16 byte-order mark. */
class SecretSourcesTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatEditorsAndShellsWrite() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "s3cr€t-value\n");
        Path utf8Bom = Files.write(dir.resolve("bom8.txt"), "\uFEFFs3cr€t-value\r\n".getBytes(StandardCharsets.UTF_8));
        Path utf16 =
                Files.write(dir.resolve("bom16.txt"), "\uFEFFs3cr€t-value\r\n".getBytes(StandardCharsets.UTF_16LE));
        Path utf16be =
                Files.write(dir.resolve("bom16be.txt"), "\uFEFFs3cr€t-value".getBytes(StandardCharsets.UTF_16BE));
        for (Path file : new Path[] {plain, utf8Bom, utf16, utf16be}) {
            assertThat(new String(SecretSources.fromFile("--secret-file", file)))
                    .as(file.getFileName().toString())
                    .isEqualTo("s3cr€t-value");
        }
    }

    @Test
    void aFileThatIsNotTextSaysHowToSaveIt() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "s3cr\u00e9t".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SecretSources.fromFile("--password-file", latin1))
                .isInstanceOf(ShellException.class)
                .hasMessage("--password-file " + latin1 + " is not text in UTF-8 or UTF-16: save it as UTF-8 (in "
                        + "PowerShell: Out-File -Encoding utf8).");
    }
}

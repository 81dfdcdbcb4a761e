package dev.entrashell.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long line pasted at the prompt, as a terminal without bracketed paste sends it (one character after
 * another, no paste marks), is taken in at once: it once took 25 s to echo a 20 KB line, one redraw of
 * the whole line per character.
 */
// Measures how soon a pasted line is answered: alone, so another class's shells do not take its core.
@Isolated
class PastedLineIT {
    @TempDir
    Path home;

    @Test
    void twentyKilobyteLineRunsWithoutDelay() throws Exception {
        String line = "nosuch --filter '" + "a".repeat(20_000) + "'";
        List<Long> seenAt = new ArrayList<>();
        ShellProcess.Result result = new ShellProcess(home)
                .runTyped(
                        List.of(
                                new ShellProcess.Step("entra>", line),
                                new ShellProcess.Step("Unknown command 'nosuch'", null),
                                new ShellProcess.Step("entra>", "exit")),
                        seenAt);

        assertThat(result.exitCode()).as(result.out()).isZero();
        Duration tookIn = Duration.ofNanos(seenAt.get(1) - seenAt.get(0));
        assertThat(tookIn)
                .as("from the paste to the line's answer (a correctness bound: without the fix, about 25 s)")
                .isLessThan(Duration.ofSeconds(10));
    }
}

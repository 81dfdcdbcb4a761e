package dev.entrashell.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples that help and the README show run as shown against the demo tenant: none fails, and none
 * prints a bare {@code null} (the sign of a query written for another shape of data). Only examples with
 * no placeholder to fill in are run: reads, queries, Groovy one-liners and listings.
 */
@EmulatorTest(users = 120)
class ExamplesIT {
    private static final Path README =
            Path.of("..", "README.md").toAbsolutePath().normalize();

    private static Emulator emulator;
    private static String connect;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        DemoTenant demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --secret-file " + secret + " --no-welcome";
    }

    @Test
    void helpAndReadmeExamplesRunAsShown() throws Exception {
        List<String> examples = new ArrayList<>();
        for (String command : List.of("get", "groovy", "cert list")) {
            examples.addAll(helpExamples(command));
        }
        examples.addAll(readmeGraphExamples());
        assertThat(examples)
                .as("the examples found")
                .anyMatch(e -> e.startsWith("get /groups --search"))
                .anyMatch(e -> e.startsWith("groovy '"))
                .anyMatch(e -> e.startsWith("cert list --query"));
        int number = 0;
        for (String example : new java.util.LinkedHashSet<>(examples)) { // README and help share some
            number++;
            // A file named by --out goes to the test's folder, not the build's working directory.
            String line = example.replaceAll("--out (\\S+)", "--out " + home.resolve("out-" + number) + "-$1");
            ShellProcess.Result run = new ShellProcess(home).run(connect, line);
            assertThat(run.exitCode()).as(example + "\n" + run.err()).isZero();
            assertThat(run.out().strip()).as(example).isNotEqualTo("null");
            assertThat(run.err()).as(example).doesNotContain("gave null");
        }
    }

    /** The runnable lines under "Examples:" in {@code help COMMAND}, without their trailing remarks. */
    private static List<String> helpExamples(String command) throws Exception {
        ShellProcess.Result help = new ShellProcess(home).run("help " + command);
        assertThat(help.exitCode()).isZero();
        List<String> examples = new ArrayList<>();
        boolean inExamples = false;
        for (String line : help.out().lines().toList()) {
            if (line.equals("Examples:")) {
                inExamples = true;
            } else if (inExamples && line.startsWith("  ")) {
                String example = line.strip().replaceAll("\\s{2,}\\(.*\\)$", "");
                if (runnable(example)) {
                    examples.add(example);
                }
            } else if (inExamples) {
                inExamples = false;
            }
        }
        return examples;
    }

    /** The get lines of the README's "Calling Graph" block. */
    private static List<String> readmeGraphExamples() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int section = lines.indexOf("## Calling Graph");
        int start = lines.subList(section, lines.size()).indexOf("```") + section + 1;
        List<String> examples = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("```")) {
                break;
            }
            if (runnable(line)) {
                examples.add(line);
            }
        }
        assertThat(examples).isNotEmpty();
        return examples;
    }

    /** Reads and queries need nothing filled in; writes name objects (…) or files that only the reader has. */
    private static boolean runnable(String example) {
        return (example.startsWith("get ")
                        || example.startsWith("groovy '")
                        || example.startsWith("groovy \"")
                        || example.startsWith("cert list"))
                && !example.contains("…")
                && !example.contains("...")
                && !example.contains("--store");
    }
}

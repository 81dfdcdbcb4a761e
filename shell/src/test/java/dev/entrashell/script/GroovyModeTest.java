package dev.entrashell.script;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.TestShell;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.session.Prompter;

import static org.assertj.core.api.Assertions.assertThat;

/** Groovy mode, {@code groovy 'EXPR'}, {@code run} and the bindings, through the command layer. */
@EmulatorTest
class GroovyModeTest {
    private static Emulator emulator;
    private static DemoTenant demo;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
    }

    private TestShell connected(Prompter prompter) throws Exception {
        TestShell shell = TestShell.against(emulator, home, prompter);
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id "
                        + demo.clientId() + " --secret-file " + secret + " --no-welcome"))
                .as(shell.err())
                .isZero();
        shell.clear();
        return shell;
    }

    @Test
    void variablesAndMethodsLastAcrossLinesAndBlocksSpanLines() throws Exception {
        TypedLines typed = new TypedLines(
                "def total = 10",
                "def add(n) {",
                "    total += n",
                "}",
                "add(5)",
                "String name = get('/organization').value[0].displayName",
                "[name: name, total: total, app: context.AppName]",
                ":exit",
                "never read");
        TestShell shell = connected(typed);

        assertThat(shell.run("groovy")).as(shell.err()).isZero();

        assertThat(shell.out())
                .contains("15")
                .contains("{\n  \"name\": \"Contoso Demo\",\n  \"total\": 15,\n  \"app\": \"Entra Shell Demo\"\n}");
        assertThat(typed.prompts)
                .containsExactly(
                        "groovy> ", "groovy> ", "   ...> ", "   ...> ", "groovy> ", "groovy> ", "groovy> ", "groovy> ");
    }

    /** A line that ends with an operator or a dot goes on on the next line, as in groovysh. */
    @Test
    void aTrailingOperatorContinuesTheLine() throws Exception {
        TypedLines typed = new TypedLines(
                "def total = 40 +",
                "2",
                "def words = ['a', 'b'].",
                "collect { it.toUpperCase() }",
                "words.join('') + total",
                ":exit");
        TestShell shell = connected(typed);

        assertThat(shell.run("groovy")).as(shell.err()).isZero();

        assertThat(shell.err()).doesNotContain(", line ");
        assertThat(shell.out()).contains("AB42");
        assertThat(typed.prompts)
                .containsExactly("groovy> ", "   ...> ", "groovy> ", "   ...> ", "groovy> ", "groovy> ");
    }

    /** {@code $select} in a double-quoted string is a Groovy variable: the failure says so and how to write it. */
    @Test
    void anODataOptionInADoubleQuotedStringIsExplained() throws Exception {
        TypedLines typed = new TypedLines(
                "get(\"/users?$select=displayName\")",
                "usres.size()",
                "get('/users?$top=1&$select=displayName').value.size()",
                ":exit");
        TestShell shell = connected(typed);

        assertThat(shell.run("groovy")).as(shell.err()).isZero();

        assertThat(shell.err())
                .contains("No such property: select")
                .contains(
                        "in a \"double-quoted\" string $select is a Groovy variable: write the path in 'single quotes',"
                                + " or escape it as \\$select");
        assertThat(shell.err()).contains("line 1: MissingPropertyException: No such property: usres");
        assertThat(emulator.requests().stream().map(r -> r.pathAndQuery()))
                .as("an unknown name is never a Graph request")
                .noneMatch(path -> path.endsWith("/select") || path.contains("usres"));
        assertThat(shell.out()).endsWith("1\n");
    }

    /** An import holds for the lines after it; one that does not resolve fails only its own line. */
    @Test
    void importsLastForTheSession() throws Exception {
        TypedLines typed = new TypedLines(
                "import java.time.LocalDate",
                "import static java.lang.Math.max",
                "import java.util.concurrent.*",
                "import nowhere.Missing",
                "LocalDate.of(2026, 11, 22).dayOfWeek.toString().toLowerCase()",
                "max(40, 42) + 1",
                "TimeUnit.SECONDS.toMillis(7)",
                "import static nowhere.Other.*",
                "import java.awt.List",
                "import java.util.List",
                "List.of(5, 6).size() * 100",
                ":exit");
        TestShell shell = connected(typed);

        assertThat(shell.run("groovy")).as(shell.err()).isZero();

        assertThat(shell.err().lines().filter(line -> line.contains(".groovy, line ")))
                .containsExactly(
                        "groovy4.groovy, line 1: unable to resolve class nowhere.Missing",
                        "groovy8.groovy, line 1: unable to resolve class nowhere.Other");
        assertThat(shell.out())
                .contains("sunday")
                .contains("43")
                .contains("7000")
                .contains("200");
        // An import that fails (ending in *, as an operator would) is a complete line: no continuation prompt.
        assertThat(typed.prompts).doesNotContain("   ...> ");
    }

    @Test
    void aFailingLineNamesItsLineAndTheModeGoesOn() throws Exception {
        TypedLines typed = new TypedLines("def f() {", "  null.foo()", "}", "f()", "^C", "[1,", "^C", "6 * 7");
        TestShell shell = connected(typed);

        assertThat(shell.run("groovy")).as(shell.err()).isZero();

        assertThat(shell.err())
                .containsPattern(
                        "groovy\\d+\\.groovy, line 2: NullPointerException: Cannot invoke method foo\\(\\) on null object");
        assertThat(shell.out()).endsWith("42\n");
    }

    @Test
    void expressionsPrintTheirValueAndFailWithExitCodes() throws Exception {
        TestShell shell = connected(Prompter.none());

        assertThat(shell.run("groovy \"all('/users?$top=7').take(10).collect { it.id }.size()\""))
                .isZero();
        assertThat(shell.out()).isEqualTo("10\n");

        assertThat(shell.run("groovy '1 / 0'")).isEqualTo(1);
        assertThat(shell.err()).contains("line 1: ArithmeticException: Division by zero");

        assertThat(shell.run("groovy 'exit(3)'")).isEqualTo(3);
        assertThat(shell.run("groovy 'def x = '")).isEqualTo(1);
        assertThat(shell.err()).contains("line 1: Unexpected input");

        assertThat(shell.run("groovy")).isEqualTo(2);
        assertThat(shell.err()).contains("Groovy mode needs a terminal");
    }

    /** all() fetches a page only when the loop gets there. */
    @Test
    void allPagesLazily() throws Exception {
        TestShell shell = connected(Prompter.none());
        int before = usersRequests();

        assertThat(shell.run("groovy \"all('/users?$top=5').take(12).size()\"")).isZero();

        assertThat(shell.out()).isEqualTo("12\n");
        assertThat(usersRequests() - before)
                .as("three pages of five for twelve items")
                .isEqualTo(3);
    }

    @Test
    void batchSplitsIntoTwentiesAndAnswersById() throws Exception {
        TestShell shell = connected(Prompter.none());
        long before = batches();

        assertThat(shell.run("groovy \"def r = batch((1..45).collect { [id: 'u' + it, url: '/users?$top=1'] }"
                        + " + [[id: 'nope', url: '/groups/00000000-0000-0000-0000-000000000000']]);"
                        + " [r.size(), r.keySet().first(), r.u45.status, r.nope.status, r.nope.body.error.code]\""))
                .as(shell.err())
                .isZero();

        assertThat(shell.out().replaceAll("\\s+", "")).isEqualTo("[46,\"u1\",200,404,\"Request_ResourceNotFound\"]");
        // the emulator records a request before it answers, so the count is complete once the shell has its answers
        assertThat(batches() - before).isEqualTo(3);
    }

    @Test
    void theTypedClientSharesTheConnection() throws Exception {
        TestShell shell = connected(Prompter.none());

        assertThat(shell.run("groovy 'graph.organization().get().getValue().get(0).getDisplayName()'"))
                .as(shell.err())
                .isZero();

        assertThat(shell.out()).isEqualTo("Contoso Demo\n");
    }

    @Test
    void runFindsScriptsReportsTheirLineAndEndsWithTheirExitCode() throws Exception {
        TestShell shell = connected(Prompter.none());
        Files.createDirectories(home.resolve("scripts"));
        Files.writeString(
                home.resolve("scripts/hello.groovy"),
                "out.println \"hello ${args.join(' ')} from ${context.AppName}\"\n"
                        + "assert shell('context --output json') == 0\n"
                        + "exit(args.size())\n");
        Files.writeString(
                home.resolve("scripts/broken.groovy"),
                "// a comment\n\nthrow new IllegalStateException('no such group')\n");

        assertThat(shell.run("run hello a --b")).isEqualTo(2);
        assertThat(shell.out())
                .startsWith("hello a --b from Entra Shell Demo\n")
                .contains("\"ClientId\": \"" + demo.clientId());

        assertThat(shell.run("run broken.groovy")).isEqualTo(1);
        assertThat(shell.err()).contains("broken.groovy, line 3: IllegalStateException: no such group");

        shell.clear();
        assertThat(shell.run("run missing"))
                .as("a script name that is not found is a bad value")
                .isEqualTo(2);
        assertThat(shell.err())
                .startsWith("No script 'missing'. Looked in ")
                .contains(home.resolve("scripts").toString());
    }

    private static int usersRequests() {
        return (int) emulator.requests().stream()
                .filter(r -> r.pathAndQuery().startsWith("/v1.0/users"))
                .count();
    }

    private static long batches() {
        return emulator.requests().stream()
                .map(RecordedRequest::pathAndQuery)
                .filter(path -> path.startsWith("/v1.0/$batch"))
                .count();
    }
}

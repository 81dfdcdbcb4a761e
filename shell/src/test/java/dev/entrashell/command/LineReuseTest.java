package dev.entrashell.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import dev.entrashell.TestShell;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.EmulatorOptions;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.http.RecordedRequest;
import dev.entrashell.output.ShellOutput;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Prompter;
import dev.entrashell.session.Redactor;
import dev.entrashell.session.ShellHome;
import dev.entrashell.session.Sleeper;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell parses every line with the same picocli tree (building it cost more than a Graph request):
 * no line may see an option, a parameter or any other value of an earlier line, and help, usage and
 * completion work as with a new tree.
 */
class LineReuseTest {
    private static Emulator emulator;
    private static DemoTenant demo;
    private static List<User> users;
    private static final String WRITER_SECRET = "line-reuse-writer-secret";
    private static final String WRITER_ID = UUID.randomUUID().toString();

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults());
        demo = emulator.demo();
        users = emulator.directory().users(demo.tenantId()).all();
        // the demo app may not write users; deletes and patches need an app that may
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                WRITER_ID,
                                "Line Reuse Writer",
                                List.of(),
                                List.of(WRITER_SECRET),
                                Set.of("User.ReadWrite.All", "Directory.Read.All", "Organization.Read.All")));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** A prompter that answers "n" to whatever it is asked, as a person declining a delete would. */
    private static final class DeclinesEverything implements Prompter {
        @Override
        public Optional<char[]> readSecret(String prompt) {
            return Optional.empty();
        }

        @Override
        public boolean canReadLines() {
            return true;
        }

        @Override
        public String readLine(String prompt) {
            return "n";
        }
    }

    private TestShell connected(Prompter prompter) throws Exception {
        TestShell shell = TestShell.against(emulator, home, prompter);
        Path secret = Files.writeString(home.resolve("secret.txt"), WRITER_SECRET);
        assertThat(shell.run("connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + WRITER_ID
                        + " --secret-file " + secret + " --no-welcome"))
                .as(shell.err())
                .isZero();
        shell.clear();
        return shell;
    }

    @Test
    void aGetAfterAGetWithEveryOptionGetsNoneOfThem() throws Exception {
        TestShell shell = connected(Prompter.none());
        Path file = home.resolve("users.json");
        int mark = mark();

        assertThat(shell.run("get /users --top 5 --select id,displayName --filter \"startswith(displayName,'A')\""
                        + " --orderby displayName --count --search \"displayName:a\" --api beta"
                        + " -H 'X-Line: first' --output json --out " + file))
                .as(shell.err())
                .isZero();
        String written = Files.readString(home.resolve("users.json"));
        RecordedRequest first = lastGraphRequest(mark, "/beta/users?");
        assertThat(first.pathAndQuery()).contains("$top=5", "$select=", "$filter=", "$orderby=", "$count=true");
        assertThat(first.headers()).containsKey("X-Line");
        shell.clear();
        mark = mark();

        assertThat(shell.run("get /organization")).as(shell.err()).isZero();

        RecordedRequest second = lastGraphRequest(mark, "/organization");
        assertThat(second.pathAndQuery()).isEqualTo("/v1.0/organization");
        assertThat(second.headers()).doesNotContainKeys("X-Line", "ConsistencyLevel");
        // the default format without a terminal (JSON), on standard output, not in the first line's file
        assertThat(JsonParser.parseString(shell.out())
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .get("displayName")
                        .getAsString())
                .isEqualTo("Contoso Demo");
        assertThat(Files.readString(file)).isEqualTo(written);
    }

    @Test
    void allQueryAndFormatDoNotCarryOver() throws Exception {
        TestShell shell = connected(Prompter.none());
        assertThat(shell.run("get /users --all --top 100 --query \"[].id\" --output tsv"))
                .as(shell.err())
                .isZero();
        assertThat(shell.out().lines())
                .hasSize(emulator.directory().users(demo.tenantId()).all().size());
        int before = graphRequests();
        int mark = mark();
        shell.clear();

        assertThat(shell.run("get /users")).as(shell.err()).isZero();

        // one page of full user objects as JSON: no --all, no --query, no tsv
        assertThat(graphRequests()).isEqualTo(before + 1);
        assertThat(lastGraphRequest(mark, "/users").pathAndQuery()).isEqualTo("/v1.0/users");
        var page = JsonParser.parseString(shell.out()).getAsJsonArray();
        assertThat(page.get(0).getAsJsonObject().has("displayName")).isTrue();
    }

    @Test
    void aBodyDoesNotCarryOver() throws Exception {
        TestShell shell = connected(Prompter.none());
        String user = "/users/" + users.get(3).id();
        int mark = mark();
        assertThat(shell.run("patch " + user + " --body '{\"jobTitle\": \"First line\"}'"))
                .as(shell.err())
                .isZero();
        assertThat(lastGraphRequest(mark, user).body()).contains("First line");

        shell.run("patch " + user);

        List<RecordedRequest> all = emulator.requests();
        assertThat(all.subList(mark, all.size()).stream()
                        .filter(r -> r.server().equals("graph") && r.method().equals("PATCH"))
                        .filter(r -> r.body() != null && r.body().contains("First line"))
                        .count())
                .as("the body was sent once, by the first line only")
                .isEqualTo(1);
    }

    @Test
    void forceDoesNotCarryOverToTheNextDelete() throws Exception {
        TestShell shell = connected(new DeclinesEverything());
        User forced = users.get(10);
        User asked = users.get(11);

        assertThat(shell.run("delete /users/" + forced.id() + " --force"))
                .as(shell.err())
                .isZero();
        assertThat(shell.run("delete /users/" + asked.id())).as(shell.err()).isZero();

        assertThat(shell.err()).contains("Not deleted.");
        assertThat(shell.run("get /users/" + asked.id() + " --select id --output json"))
                .as("still there: the second delete asked, and the answer was no")
                .isZero();
        assertThat(shell.run("get /users/" + forced.id() + " --select id --output json"))
                .isNotZero();
    }

    @Test
    void contextAndHistoryOptionsDoNotCarryOver() throws Exception {
        TestShell shell = connected(Prompter.none());
        assertThat(shell.run("context --output json")).isZero();
        assertThat(shell.out()).startsWith("{");
        shell.clear();

        assertThat(shell.run("context")).isZero();

        assertThat(shell.out()).doesNotStartWith("{").contains(WRITER_ID);
    }

    /** A line that failed to parse leaves nothing behind either: the options it did parse are gone. */
    @Test
    void aLineThatFailedToParseLeavesNothing() throws Exception {
        TestShell shell = connected(Prompter.none());
        assertThat(shell.run("get /users --api beta --top 2 --output nonsense")).isEqualTo(2);
        shell.clear();
        int mark = mark();

        assertThat(shell.run("get /users")).as(shell.err()).isZero();

        assertThat(lastGraphRequest(mark, "/users").pathAndQuery()).isEqualTo("/v1.0/users");
    }

    /**
     * connect's credential forms are an option group, whose object picocli does not reset: a connect
     * without a form, after one with a thumbprint (that failed, or that was cut short by a bad option),
     * must be told it has none, not search for the earlier thumbprint.
     */
    @Test
    void aCredentialFormDoesNotCarryOverToTheNextConnect() throws Exception {
        TestShell shell = TestShell.against(emulator, home, Prompter.none());
        String ids = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + WRITER_ID;
        String thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";
        assertThat(shell.run(ids + " --thumbprint " + thumbprint)).isNotZero();
        assertThat(shell.err()).contains("No certificate with thumbprint " + thumbprint);
        shell.clear();

        assertThat(shell.run(ids)).isEqualTo(2);
        assertThat(shell.err()).startsWith("connect needs a credential:").doesNotContain(thumbprint);
        shell.clear();

        assertThat(shell.run(ids + " --thumbprint " + thumbprint + " --no-such-option"))
                .isEqualTo(2);
        shell.clear();
        assertThat(shell.run(ids)).isEqualTo(2);
        assertThat(shell.err()).startsWith("connect needs a credential:").doesNotContain(thumbprint);
    }

    /** help, help CMD, CMD --help and an unknown option read as with a new tree, after lines that set options. */
    @Test
    void helpAndUsageAreThoseOfANewTree() throws Exception {
        TestShell fresh = new TestShell(home.resolve("fresh"), Map.of(), false);
        List<String> asked = List.of("help", "help get", "get --help", "help cert new", "help connect", "help context");
        List<String> expected = new ArrayList<>();
        for (String line : asked) {
            fresh.clear();
            assertThat(fresh.run(line)).as(line).isZero();
            expected.add(fresh.out());
        }
        fresh.clear();
        fresh.run("get /users --bogus");
        String unknownOption = fresh.err();

        TestShell shell = connected(Prompter.none());
        shell.run(
                "get /users --top 5 --api beta --output json --out " + home.resolve("f.json"),
                "context --output json",
                "get /users --all --query '[].id' --output tsv -H 'X-A: b'");
        for (int i = 0; i < asked.size(); i++) {
            shell.clear();
            assertThat(shell.run(asked.get(i))).as(asked.get(i)).isZero();
            assertThat(shell.out()).as(asked.get(i)).isEqualTo(expected.get(i));
        }
        shell.clear();
        shell.run("get /users --bogus");
        assertThat(shell.err()).isEqualTo(unknownOption);
    }

    /** Usage text fits the terminal as it is at each line, after a resize too. */
    @Test
    void usageFollowsTheTerminalsWidth() {
        AtomicInteger width = new AtomicInteger(120);
        StringWriter out = new StringWriter();
        PrintWriter err = new PrintWriter(new StringWriter(), true);
        ShellServices services = ShellServices.start(
                new ShellHome(home),
                new ShellOutput(new PrintWriter(out, true), err, false, false, width::get),
                Prompter.none(),
                new Diagnostics(false, err, new Redactor()),
                new HashMap<>(),
                Clock.systemUTC(),
                Sleeper.system());
        LineExecutor executor = new LineExecutor(services);

        assertThat(executor.execute("help get")).isZero();
        assertThat(out.toString().lines().mapToInt(String::length).max().orElseThrow())
                .isGreaterThan(100);
        out.getBuffer().setLength(0);
        width.set(64);

        assertThat(executor.execute("help get")).isZero();
        assertThat(out.toString().lines())
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(64));
    }

    /**
     * A script's shell(line) runs while the script's own line still runs; the lines it runs, and the
     * lines after the script, see only their own options.
     */
    @Test
    void linesInsideAScriptAndAfterItKeepTheirOwnOptions() throws Exception {
        TestShell shell = connected(Prompter.none());
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Files.writeString(
                scripts.resolve("inner.groovy"),
                "out.println \"inner ${args.join(' ')}\"\n"
                        + "assert shell('get /users --top 2 --select id --output json -H \"X-Inner: 1\"') == 0\n");
        Files.writeString(
                scripts.resolve("outer.groovy"),
                "assert shell('run inner x --y') == 0\n"
                        + "assert shell('get /organization --api beta --output none') == 0\n"
                        + "out.println \"outer ${args.join(' ')}\"\n");

        int mark = mark();
        assertThat(shell.run("run outer a --b")).as(shell.err()).isZero();
        assertThat(shell.out()).startsWith("inner x --y\n").endsWith("outer a --b\n");
        assertThat(lastGraphRequest(mark, "/users?").headers()).containsKey("X-Inner");
        RecordedRequest organization = lastGraphRequest(mark, "/organization");
        assertThat(organization.pathAndQuery()).isEqualTo("/beta/organization");
        assertThat(organization.headers()).doesNotContainKey("X-Inner");
        shell.clear();
        mark = mark();

        assertThat(shell.run("get /users")).as(shell.err()).isZero();
        RecordedRequest after = lastGraphRequest(mark, "/users");
        assertThat(after.pathAndQuery()).isEqualTo("/v1.0/users");
        assertThat(after.headers()).doesNotContainKey("X-Inner");
    }

    /**
     * picocli resets what it parses, and nothing else: every field of every command and mixin holds
     * either an option or parameter (reset at each parse), picocli's own injections, or the shell's
     * services (final, the same for every line). A field a command set while running would reach the
     * next line that runs it.
     */
    @Test
    void commandsHoldNothingButOptionsBetweenLines() {
        // set only on a new ConnectCommand built for a saved connection's recipe, never on the tree's own
        Set<String> setOnAnotherInstance = Set.of("ConnectCommand.savedName");
        List<String> stateful = new ArrayList<>();
        for (CommandSpec command :
                allCommands(new TestShell(home, Map.of(), false).commandLine().getCommandSpec())) {
            List<Object> objects = new ArrayList<>(List.of(command.userObject()));
            command.mixins().values().forEach(mixin -> objects.add(mixin.userObject()));
            for (Object object : objects) {
                for (Class<?> type = object.getClass(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        String name = type.getSimpleName() + "." + field.getName();
                        boolean picocli = field.getAnnotations().length > 0
                                && field.getAnnotations()[0]
                                        .annotationType()
                                        .getName()
                                        .startsWith("picocli.");
                        int modifiers = field.getModifiers();
                        if (!Modifier.isStatic(modifiers)
                                && !Modifier.isFinal(modifiers)
                                && !picocli
                                && !field.isSynthetic()
                                && !setOnAnotherInstance.contains(name)) {
                            stateful.add(name);
                        }
                    }
                }
            }
        }
        assertThat(stateful).isEmpty();
    }

    /**
     * For every command: a line that gives every option and parameter a value, then a line with only
     * what the command requires, leaves each option and parameter as a new tree has it after that second
     * line. Parsed only (not run), on one tree, as the shell parses every line.
     */
    @Test
    void everyOptionOfEveryCommandIsResetByTheNextLine() {
        CommandLine reused = new TestShell(home, Map.of(), false).commandLine();
        List<String> checked = new ArrayList<>();
        List<String> setByTheFirstLine = new ArrayList<>();
        for (CommandSpec command : allCommands(reused.getCommandSpec())) {
            if (command.parent() == null) {
                continue;
            }
            List<String> path = List.of(command.qualifiedName(" ").split(" "))
                    .subList(1, command.qualifiedName(" ").split(" ").length);
            if (!command.subcommands().isEmpty()) {
                continue; // a group such as 'cert': its subcommands are checked one by one
            }
            // An exclusive group (connect's credential forms) takes one option a line: one first line per
            // option of the group, each with every other option of the command.
            List<OptionSpec> oneOf = command.options().stream()
                    .filter(LineReuseTest::inExclusiveGroup)
                    .toList();
            List<OptionSpec> firstLineChoices = oneOf.isEmpty() ? Collections.singletonList(null) : oneOf;
            for (OptionSpec choice : firstLineChoices) {
                setByTheFirstLine.addAll(checkReset(reused, command, path, choice));
            }
            checked.add(String.join(" ", path));
        }
        assertThat(checked).contains("get", "post", "delete", "connect", "context", "cert new", "history");
        assertThat(setByTheFirstLine).hasSizeGreaterThan(100);
    }

    /**
     * One first line with every option (of an exclusive group only {@code choice}) and parameter, then
     * a minimal line, on {@code reused}: each value as a new tree has it after the minimal line. Returns
     * what the first line set.
     */
    private List<String> checkReset(CommandLine reused, CommandSpec command, List<String> path, OptionSpec choice) {
        List<String> setByTheFirstLine = new ArrayList<>();
        List<String> full = new ArrayList<>(path);
        List<String> minimal = new ArrayList<>(path);
        for (OptionSpec option : command.options()) {
            if (option.usageHelp() || option.versionHelp() || (inExclusiveGroup(option) && option != choice)) {
                continue;
            }
            full.add(option.longestName());
            if (option.arity().max() > 0) {
                full.add(valueFor(option));
            }
        }
        for (OptionSpec option : command.requiredArgs().stream()
                .filter(ArgSpec::isOption)
                .map(OptionSpec.class::cast)
                .toList()) {
            minimal.add(option.longestName());
            minimal.add(valueFor(option));
        }
        for (PositionalParamSpec positional : command.positionalParameters()) {
            full.add(valueFor(positional));
            if (positional.required()) {
                minimal.add(valueFor(positional));
            }
        }
        reused.parseArgs(full.toArray(String[]::new));
        // what the first line set, so that the comparison below compares something
        for (ArgSpec arg : command.args()) {
            if (!String.valueOf((Object) arg.getValue()).equals(String.valueOf(arg.initialValue()))) {
                setByTheFirstLine.add(String.join(" ", path) + " " + arg.paramLabel());
            }
        }
        CommandTrees.clearArgGroups(reused.getCommandSpec()); // as each reuse does
        reused.parseArgs(minimal.toArray(String[]::new));
        CommandLine fresh = new TestShell(home, Map.of(), false).commandLine();
        fresh.parseArgs(minimal.toArray(String[]::new));
        CommandSpec freshCommand = find(fresh.getCommandSpec(), path);
        for (ArgSpec arg : command.args()) {
            ArgSpec same = arg instanceof OptionSpec option
                    ? freshCommand.findOption(option.longestName())
                    : freshCommand
                            .positionalParameters()
                            .get(command.positionalParameters().indexOf(arg));
            assertThat(String.valueOf((Object) arg.getValue()))
                    .as(String.join(" ", full) + ", then " + String.join(" ", minimal) + ": " + arg)
                    .isEqualTo(String.valueOf((Object) same.getValue()));
        }
        return setByTheFirstLine;
    }

    private static boolean inExclusiveGroup(OptionSpec option) {
        for (ArgGroupSpec group = option.group(); group != null; group = group.parentGroup()) {
            if (group.exclusive()) {
                return true;
            }
        }
        return false;
    }

    private static String valueFor(ArgSpec arg) {
        Class<?> type = arg.type();
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1].toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "7";
        }
        return "value-from-an-earlier-line";
    }

    private static CommandSpec find(CommandSpec root, List<String> path) {
        CommandSpec spec = root;
        for (String name : path) {
            spec = spec.subcommands().get(name).getCommandSpec();
        }
        return spec;
    }

    private static List<CommandSpec> allCommands(CommandSpec root) {
        List<CommandSpec> all = new ArrayList<>(List.of(root));
        for (CommandLine sub : root.subcommands().values()) {
            if (sub.getCommandSpec().parent() == root) { // aliases list a command twice
                for (CommandSpec spec : allCommands(sub.getCommandSpec())) {
                    if (!all.contains(spec)) {
                        all.add(spec);
                    }
                }
            }
        }
        return all;
    }

    private static int graphRequests() {
        return (int) emulator.requests().stream()
                .filter(r -> r.server().equals("graph"))
                .count();
    }

    /**
     * The last Graph request since {@code mark} whose path contains this. No wait: the emulator logs a
     * request before its answer goes out, so a line that has its answer finds its requests in the log.
     */
    private static RecordedRequest lastGraphRequest(int mark, String containing) {
        Predicate<RecordedRequest> wanted =
                r -> r.server().equals("graph") && r.pathAndQuery().contains(containing);
        List<RecordedRequest> all = emulator.requests();
        List<RecordedRequest> matching =
                all.subList(mark, all.size()).stream().filter(wanted).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("no Graph request for " + containing);
        }
        return matching.get(matching.size() - 1);
    }

    private static int mark() {
        return emulator.requests().size();
    }
}

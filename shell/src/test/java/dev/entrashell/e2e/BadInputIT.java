package dev.entrashell.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.certificate.TestCertificates;
import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind, through the jar: a malformed value is exit code 2 and a command that fails is
 * 1, each with exactly one line on stderr that names the problem, never "Unexpected error", an exception's
 * class name or a stack trace, and nothing on stdout; no secret in any output; no call to the network;
 * and the shell goes on working after all of them.
 *
 * <p>The cases run in one JVM: in {@code -c} and piped mode a run stops at the first failure, so a small
 * Groovy script feeds each line to the shell's own line runner with {@code shell(line)} (what a typed or
 * {@code -c} line goes through, returning the code a {@code -c} run would exit with) and marks where each
 * case's output begins. A sample is run again as {@code -c} in its own process, to hold the batch to
 * what a user sees.
 */
@EmulatorTest
class BadInputIT {
    private static final String SECRET = "Zq8~hunter2.leak_value-42";
    private static final String PASSWORD = "right-pfx-pw-77";

    private static Emulator emulator;
    private static DemoTenant demo;

    @TempDir
    static Path files;

    @TempDir
    static Path home;

    private record Case(String line, int exitCode, String message) {}

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    @BeforeAll
    static void prepare() throws Exception {
        demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(files.resolve("ca.pem"));
        new ShellProcess(home).addEnvironment(emulator, ca);
        Path pfx = TestCertificates.writePfx(
                new TestCertificates.Issued(
                        new KeyPair(demo.certificate().getPublicKey(), demo.privateKey()), demo.certificate()),
                files.resolve("app.pfx"),
                PASSWORD.toCharArray());
        Path notes = Files.writeString(files.resolve("notes.pfx"), "these are not the keys you are looking for");
        Path newlines = Files.writeString(files.resolve("newlines.txt"), "\n\n\n");
        Path empty = Files.writeString(files.resolve("empty.txt"), "");
        Path big = Files.write(files.resolve("big.pfx"), new byte[2 * 1024 * 1024 + 1]);
        Path folder = Files.createDirectories(files.resolve("folder"));
        Path secretFile = Files.writeString(files.resolve("secret.txt"), SECRET + "\n");
        Path passwordFile = Files.writeString(files.resolve("password.txt"), PASSWORD + "\n");
        Path missing = files.resolve("missing.file");
        String zero = "/dev/zero";
        String ids = " --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId() + " --environment Emu";
        String tenantOnly = " --client-id " + demo.clientId() + " --environment Emu --secret-file " + secretFile;
        String add = "environment add Bad --login-endpoint https://login.example.com --graph-endpoint ";

        // connect: the tenant and the app
        bad(
                "tenant with ? and #",
                "connect --tenant-id 'x?y#z'" + tenantOnly,
                2,
                "--tenant-id 'x?y#z' is not a tenant");
        bad("empty tenant", "connect --tenant-id ''" + tenantOnly, 2, "connect needs --tenant-id");
        bad("tenant with a space", "connect --tenant-id 'con toso'" + tenantOnly, 2, "is not a tenant");
        bad("tenant with a slash", "connect --tenant-id contoso/../x" + tenantOnly, 2, "is not a tenant");
        bad("tenant with an umlaut", "connect --tenant-id cöntoso.com" + tenantOnly, 2, "is not a tenant");
        bad("tenant with NUL", "connect --tenant-id 'a\u0000b'" + tenantOnly, 2, "'a\\u0000b' is not a tenant");
        bad("tenant with U+200E", "connect --tenant-id '\u200Econtoso.com'" + tenantOnly, 2, "'\\u200Econtoso.com'");
        bad("tenant with LF", "connect --tenant-id 'a\nb'" + tenantOnly, 2, "'a\\u000Ab' is not a tenant");
        bad("very long tenant", "connect --tenant-id " + "a".repeat(5000) + tenantOnly, 2, "(5000 characters)");
        bad(
                "client id not a GUID",
                "connect --tenant-id contoso.com --client-id abc --secret-file " + secretFile,
                2,
                "--client-id 'abc' is not an application (client) id");
        bad(
                "client id in full-width digits",
                "connect --tenant-id contoso.com --client-id １１１１１１１１-2222-3333-4444-555555555555 --secret-file "
                        + secretFile,
                2,
                "is not an application (client) id");
        bad(
                "no client id",
                "connect --tenant-id contoso.com --secret-file " + secretFile,
                2,
                "connect needs --client-id");
        // connect: secrets
        bad("secret file of newlines", "connect" + ids + " --secret-file " + newlines, 2, "holds no secret");
        bad("empty secret file", "connect" + ids + " --secret-file " + empty, 2, "holds no secret");
        bad("missing secret file", "connect" + ids + " --secret-file " + missing, 2, "missing.file does not exist");
        bad("secret file is a folder", "connect" + ids + " --secret-file " + folder, 2, "is a folder");
        bad("secret file is /dev/zero", "connect" + ids + " --secret-file " + zero, 2, "/dev/zero is a device");
        bad("secret file over 1 MiB", "connect" + ids + " --secret-file " + big, 2, "is larger than 1 MiB");
        bad("secret file ''", "connect" + ids + " --secret-file ''", 2, "--secret-file is empty");
        bad(
                "unset secret variable",
                "connect" + ids + " --secret-env NO_SUCH_VAR_X",
                2,
                "no such environment variable");
        bad("secret asked, no terminal", "connect" + ids + " --secret", 2, "there is no terminal to ask at");
        bad(
                "inline secret, bad tenant",
                "connect --tenant-id 'bad tenant' --client-id " + demo.clientId() + " --secret=" + SECRET,
                2,
                "is not a tenant");
        // connect: certificates
        String fullWidth = "\uFF10\uFF21" + "0".repeat(38);
        bad("full-width thumbprint", "connect" + ids + " --thumbprint " + fullWidth, 2, "is not an ASCII hex digit");
        bad("thumbprint of letters", "connect" + ids + " --thumbprint nothing", 2, "character 'n' at position 1");
        bad("empty thumbprint", "connect" + ids + " --thumbprint ''", 2, "it has 0 hex digits");
        bad("thumbprint of 41 digits", "connect" + ids + " --thumbprint " + "A".repeat(41), 2, "41 hex digits");
        bad(
                "thumbprint with LF",
                "connect" + ids + " --thumbprint '" + "A".repeat(20) + "\n" + "A".repeat(19) + "'",
                2,
                "39 hex digits");
        bad("empty subject name", "connect" + ids + " --subject-name ''", 2, "--subject-name is empty");
        bad("subject name CN=", "connect" + ids + " --subject-name CN=", 2, "--subject-name is empty");
        bad("missing certificate", "connect" + ids + " --certificate " + missing, 2, "missing.file does not exist");
        bad("certificate ''", "connect" + ids + " --certificate ''", 2, "Certificate file is empty");
        bad("certificate is a folder", "connect" + ids + " --certificate " + folder, 2, "is a folder");
        bad("certificate is /dev/zero", "connect" + ids + " --certificate " + zero, 2, "/dev/zero is a device");
        bad("certificate over 1 MiB", "connect" + ids + " --certificate " + big, 2, "is larger than 1 MiB");
        bad("not a certificate", "connect" + ids + " --certificate " + notes, 1, "notes.pfx is not a certificate file");
        bad(
                "missing password file",
                "connect" + ids + " --certificate " + pfx + " --password-file " + missing,
                2,
                "--password-file " + missing + " does not exist");
        bad(
                "password file is /dev/zero",
                "connect" + ids + " --certificate " + pfx + " --password-file " + zero,
                2,
                "/dev/zero is a device");
        bad(
                "unset password variable",
                "connect" + ids + " --certificate " + pfx + " --password-env NO_SUCH_VAR_X",
                2,
                "no such environment variable");
        bad(
                "password twice",
                "connect" + ids + " --certificate " + pfx + " --password-file " + passwordFile + " --password-env X",
                2,
                "Give the password once");
        bad(
                "wrong password",
                "connect" + ids + " --certificate " + pfx + " --password-file " + secretFile,
                1,
                "the password is wrong");
        // connect: tokens, identity, the rest
        bad(
                "missing federated token file",
                "connect" + ids + " --federated-token-file " + missing,
                2,
                "does not exist");
        bad("empty federated token file", "connect" + ids + " --federated-token-file " + empty, 2, "is empty");
        bad("missing access token file", "connect --access-token-file " + missing, 2, "does not exist");
        bad("access token file is /dev/zero", "connect --access-token-file " + zero, 2, "is a device");
        bad("timeout 0", "connect" + ids + " --secret-file " + secretFile + " --timeout 0", 2, "out of range");
        bad(
                "timeout abc",
                "connect" + ids + " --secret-file " + secretFile + " --timeout abc",
                2,
                "'abc' is not an int");
        bad(
                "timeout overflow",
                "connect" + ids + " --secret-file " + secretFile + " --timeout 99999999999",
                2,
                "is not an int");
        bad(
                "unknown environment",
                "connect --tenant-id contoso.com --client-id " + demo.clientId() + " --environment Mars --secret-file "
                        + secretFile,
                2,
                "Unknown environment 'Mars'");
        bad(
                "two credential forms",
                "connect" + ids + " --secret-file " + secretFile + " --thumbprint " + "A".repeat(40),
                2,
                "one credential form");
        bad("no credential", "connect" + ids, 2, "connect needs a credential");
        bad("identity with tenant", "connect --identity --tenant-id contoso.com", 2, "leave out --tenant-id");
        bad(
                "object id without identity",
                "connect" + ids + " --secret-file " + secretFile + " --object-id x",
                2,
                "use them with --identity");
        bad("connect unknown option", "connect --bogus", 2, "Unknown option: '--bogus'");
        bad("connect option without value", "connect --tenant-id", 2, "Missing required parameter");
        // environment
        bad("port 99999", add + "https://127.0.0.1:99999", 2, "has port 99999");
        bad("port 0", add + "https://127.0.0.1:0", 2, "has port 0");
        bad("plain http", add + "http://graph.example.com", 2, "must be an https URL");
        bad("URL with a space", add + "'https://graph example.com'", 2, "is not a URL");
        bad("URL with a query", add + "'https://graph.example.com?x=1'", 2, "must not carry a query");
        bad("URL with LF", add + "'https://graph.exa\nmple.com'", 2, "'https://graph.exa\\u000Ample.com' is not a URL");
        bad(
                "bad environment name",
                "environment add 'bad name!' --login-endpoint https://l.example.com "
                        + "--graph-endpoint https://g.example.com",
                2,
                "Environment name 'bad name!' is not valid");
        bad(
                "redefine Global",
                "environment add Global --login-endpoint https://l.example.com --graph-endpoint "
                        + "https://g.example.com",
                2,
                "is a built-in environment");
        bad(
                "missing CA file",
                add + "https://g.example.com --ca-file " + missing,
                2,
                "--ca-file " + missing + " does not exist");
        bad("CA file is /dev/zero", add + "https://g.example.com --ca-file " + zero, 2, "is a device");
        bad("CA file not PEM", add + "https://g.example.com --ca-file " + notes, 2, "CA file " + notes);
        bad("environment add without endpoints", "environment add Bad", 2, "Missing required option");
        bad("remove unknown environment", "environment remove Nope", 2, "Unknown environment 'Nope'");
        bad("remove Global", "environment remove Global", 2, "is built in");
        bad("environment bogus", "environment bogus", 2, "'bogus' is not a subcommand of environment");
        bad("environment alone", "environment", 2, "needs a subcommand");
        // Graph requests
        bad("top -1", "get /users --top -1", 2, "--top -1 is out of range");
        bad("top 0", "get /users --top 0", 2, "--top 0 is out of range");
        bad("top abc", "get /users --top abc", 2, "'abc' is not an int");
        bad("top overflow", "get /users --top 99999999999", 2, "is not an int");
        bad("api v3", "get /users --api v3", 2, "--api 'v3' is not a Graph version");
        bad("api empty", "get /users --api ''", 2, "is not a Graph version");
        bad("output xml", "get /users --output xml", 2, "but was 'xml'");
        bad(
                "bad JSON body",
                "post /groups --body '{bad json'",
                2,
                "--body is not valid JSON: at line 1, column 2, the name bad is not in double quotes.");
        bad("missing body file", "post /groups --body @" + missing, 2, "missing.file does not exist");
        bad("body file is a folder", "post /groups --body @" + folder, 2, "is a folder");
        bad("empty body", "patch /users/x --body ''", 2, "--body is empty, which is not JSON");
        bad("get with a body", "get /users --body '{}'", 2, "get takes no --body");
        bad("header without colon", "get /users --header novalue", 2, "--header 'novalue' is not 'Name: value'");
        bad("header with CR/LF", "get /users --header 'X-A: b\r\nc'", 2, "holds a line break");
        bad("header with NUL", "get /users --header 'X-A: b\u0000c'", 2, "holds a line break or another control");
        bad("header without name", "get /users --header ': v'", 2, "is not 'Name: value'");
        bad("header name with space", "get /users --header 'Bad Name: v'", 2, "is not a header name");
        bad("Authorization header", "get /users --header 'Authorization: Bearer x'", 2, "is not allowed");
        bad("empty select", "get /users --select ''", 2, "--select is empty");
        bad("empty filter", "get /users --filter ' '", 2, "--filter is empty");
        bad("empty orderby", "get /users --orderby ''", 2, "--orderby is empty");
        bad("bad JMESPath", "get /users --query '[bad'", 2, "--query");
        bad("delete --all", "delete /groups/x --all", 2, "--all pages through a collection");
        bad("get without path", "get", 2, "Missing required parameter: 'PATH_OR_URL'");
        bad("get unknown option", "get /users --bogus", 2, "Unknown option: '--bogus'");
        bad("filter without quotes", "get /users?$filter=a eq b", 2, "a value with spaces needs quotes");
        bad("not connected", "get /users", 1, "Not connected");
        // cert
        bad("cert new empty subject", "cert new --subject ''", 2, "--subject is empty");
        bad("cert new months abc", "cert new --subject CN=X --months abc", 2, "'abc' is not an int");
        bad("cert show letters", "cert show nothing", 2, "Thumbprint 'nothing' is not valid");
        bad("cert show full width", "cert show " + fullWidth, 2, "is not an ASCII hex digit");
        bad("cert export format", "cert export " + "A".repeat(40) + " --format xyz", 2, "but was 'xyz'");
        bad("cert export letters", "cert export nothing --format pem", 2, "Thumbprint 'nothing' is not valid");
        bad("cert import missing", "cert import " + missing, 2, "missing.file does not exist");
        bad("cert import folder", "cert import " + folder, 2, "is a folder");
        bad("cert import /dev/zero", "cert import " + zero, 2, "is a device");
        bad("cert bogus", "cert bogus", 2, "'bogus' is not a subcommand of cert");
        // history, unknown commands and options, odd characters
        bad("history word", "history abc", 2, "Unexpected 'abc' after the arguments of history");
        bad("history option", "history --bogus", 2, "Unknown option: '--bogus'");
        bad("unknown command", "bogus", 2, "Unknown command 'bogus'");
        bad("mistyped command", "gett /users", 2, "Did you mean 'get'?");
        bad("command behind U+200E", "\u200Eget /users", 2, "Unknown command '\\u200Eget'");
        bad("command of 5000 letters", "x".repeat(5000), 2, "(5000 characters)");
        bad("context option", "context --bogus", 2, "Unknown option: '--bogus'");
        bad("token option", "token --bogus", 2, "Unknown option: '--bogus'");
        bad("run missing script", "run " + missing, 2, "No script '" + missing + "'");
        bad("unbalanced quote", "get '/users", 2, "Unclosed single quote");
    }

    private static void bad(String name, String line, int exitCode, String message) {
        assertThat(CASES.put(name, new Case(line, exitCode, message))).as(name).isNull();
    }

    /** Every case, in one process; then a good line, whose output shows the shell still works. */
    @Test
    void eachBadInputIsOneLineWithItsExitCode() throws Exception {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(80);
        List<String> lines = new ArrayList<>();
        CASES.values().forEach(c -> lines.add(c.line()));
        lines.add("environment list");
        Path input = Files.write(
                files.resolve("cases.txt"),
                lines.stream()
                        .map(line -> Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)))
                        .toList());
        Path driver = Files.writeString(files.resolve("driver.groovy"), """
                new File(args[0]).readLines('UTF-8').eachWithIndex { encoded, i ->
                    out.println('@@case ' + i); out.flush()
                    err.println('@@case ' + i); err.flush()
                    int code = shell(new String(encoded.decodeBase64(), 'UTF-8'))
                    out.flush()
                    err.println('@@code ' + code); err.flush()
                }
                """);
        int before = emulator.requests().size();
        ShellProcess.Result result = new ShellProcess(home).runWithInput("", driver.toString(), input.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<List<String>> errs = sections(result.err());
        List<List<String>> outs = sections(result.out());
        assertThat(errs).hasSize(lines.size());

        SoftAssertions softly = new SoftAssertions();
        int i = 0;
        for (Map.Entry<String, Case> entry : CASES.entrySet()) {
            String name = entry.getKey();
            Case expected = entry.getValue();
            List<String> err = errs.get(i).subList(0, errs.get(i).size() - 1);
            String code = errs.get(i).get(errs.get(i).size() - 1);
            softly.assertThat(code).as(name + ": " + err).isEqualTo("@@code " + expected.exitCode());
            softly.assertThat(err).as(name).hasSize(1);
            String all = String.join("\n", err);
            softly.assertThat(all).as(name).contains(expected.message());
            softly.assertThat(all).as(name).doesNotContain("Unexpected error", "Exception", "\tat ", SECRET, PASSWORD);
            softly.assertThat(outs.get(i))
                    .as(name + ": stdout carries data only")
                    .isEmpty();
            i++;
        }
        softly.assertAll();
        assertThat(String.join("\n", outs.get(i)))
                .as("after every bad line, the shell still runs a good one")
                .contains("Global", "https://graph.microsoft.com", "Emu");
        assertThat(result.out() + result.err()).doesNotContain(SECRET, PASSWORD);
        assertThat(emulator.requests().size())
                .as("bad input is refused before any network call")
                .isEqualTo(before);
    }

    /** A sample, each in its own {@code -c} process: the process exits with the code and the one line. */
    @Test
    void aSampleAsSeparateProcesses() throws Exception {
        List<String> names = new ArrayList<>(CASES.keySet());
        ShellProcess shell = new ShellProcess(home);
        for (int i = 0; i < names.size(); i += 12) {
            Case expected = CASES.get(names.get(i));
            if (expected.line().contains("\u0000")) {
                continue; // a process argument cannot hold NUL
            }
            ShellProcess.Result result = shell.run(expected.line());
            assertThat(result.exitCode()).as(names.get(i) + ": " + result.err()).isEqualTo(expected.exitCode());
            assertThat(result.errLines())
                    .as(names.get(i))
                    .singleElement()
                    .asString()
                    .contains(expected.message());
            assertThat(result.out()).as(names.get(i)).isEmpty();
        }
    }

    /** connect --env: an empty AZURE_CLIENT_SECRET or a malformed AZURE_TENANT_ID is a usage error too. */
    @Test
    void badEnvironmentVariables() throws Exception {
        Map<String, Map<String, String>> variables = new LinkedHashMap<>();
        variables.put(
                "AZURE_CLIENT_SECRET is set but empty",
                Map.of(
                        "AZURE_TENANT_ID",
                        demo.tenantId(),
                        "AZURE_CLIENT_ID",
                        demo.clientId(),
                        "AZURE_CLIENT_SECRET",
                        ""));
        variables.put(
                "AZURE_TENANT_ID 'x?y#z' is not a tenant",
                Map.of("AZURE_TENANT_ID", "x?y#z", "AZURE_CLIENT_ID", demo.clientId(), "AZURE_CLIENT_SECRET", SECRET));
        variables.put(
                "Certificate file /dev/zero is a device",
                Map.of(
                        "AZURE_TENANT_ID", demo.tenantId(),
                        "AZURE_CLIENT_ID", demo.clientId(),
                        "AZURE_CLIENT_CERTIFICATE_PATH", "/dev/zero"));
        for (Map.Entry<String, Map<String, String>> entry : variables.entrySet()) {
            ShellProcess shell = new ShellProcess(home);
            entry.getValue().forEach(shell::env);
            ShellProcess.Result result = shell.run("connect --env --environment Emu");
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.errLines()).singleElement().asString().contains(entry.getKey());
            assertThat(result.out() + result.err()).doesNotContain(SECRET);
        }
    }

    /**
     * System.exit in a script is the script's exit: its output is kept, and the shell goes on (in piped
     * mode the next line runs); endless recursion is named, with the script's line.
     */
    @Test
    void scriptsEndAsScripts() throws Exception {
        Path exits = Files.writeString(
                files.resolve("exits.groovy"), "out.println 'before'\ndef stop = { System.exit(3) }\nstop()\n");
        Path recursion = Files.writeString(
                files.resolve("recursion.groovy"), "def fact(n) {\n    n * fact(n - 1)\n}\nout.println fact(5)\n");
        ShellProcess shell = new ShellProcess(home);

        ShellProcess.Result exited = shell.runWithInput("", exits.toString());
        assertThat(exited.exitCode()).as(exited.err()).isEqualTo(3);
        assertThat(exited.out()).isEqualTo("before\n");
        assertThat(exited.err()).isEmpty();

        ShellProcess.Result piped = shell.runWithInput("groovy 'System.exit(0)'\nenvironment list\n");
        assertThat(piped.exitCode()).as(piped.err()).isZero();
        assertThat(piped.out()).as("the line after System.exit(0) ran").contains("Global", "Emu");

        ShellProcess.Result recursed = shell.runWithInput("", recursion.toString());
        assertThat(recursed.exitCode()).isEqualTo(1);
        assertThat(recursed.errLines())
                .singleElement()
                .asString()
                .startsWith("recursion.groovy, line 2: endless recursion in fact")
                .doesNotContain("StackOverflowError", "null");
    }

    /** A password that is also a word of the shell's messages does not damage them. */
    @Test
    void aPasswordThatIsAWordLeavesOptionNamesAlone() throws Exception {
        Path pfx = files.resolve("app.pfx");
        Path wrong = Files.writeString(files.resolve("word.txt"), "file\n");
        ShellProcess.Result result = new ShellProcess(home)
                .run("connect --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                        + " --environment Emu --certificate " + pfx + " --password-file " + wrong);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("the password is wrong", "Check the file given to --password-file", "--password-env")
                .doesNotContain("***");
    }

    /** Splits output at the driver's "@@case N" markers; the text before the first is the driver's own. */
    private static List<List<String>> sections(String text) {
        List<List<String>> sections = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("@@case ")) {
                sections.add(new ArrayList<>());
            } else if (!sections.isEmpty()) {
                sections.get(sections.size() - 1).add(line);
            }
        }
        return sections;
    }
}

package dev.entrashell.e2e;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shell writes can be trusted by the next program in a pipe: the README's own cron lines run as
 * written and their files parse; a collection is the same JSON array whatever the paging, and --query
 * sees exactly that; tables fit a terminal without cutting an identifier, and --all's table looks like
 * one page, with progress never sharing a line with data.
 */
@EmulatorTest(users = 230)
class OutputContractIT {
    /** Terminal control sequences (colours, keypad modes), removed before reading the screen as text. */
    private static final String ANSI = "\u001b(\\[[0-9;?]*[A-Za-z]|[=>])";

    private static final Path README =
            Path.of("..", "README.md").toAbsolutePath().normalize();

    private static Emulator emulator;
    private static DemoTenant demo;
    private static String connect;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret = Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                + " --secret-file " + secret;
    }

    /**
     * Every line of the README's cron blocks, run by sh as cron would, with only the paths, ids and the
     * mailer swapped for this machine's: the JSON parses as every user, the CSV parses with a CSV reader,
     * and a day with nothing to report mails nothing.
     */
    @Test
    void theReadmesCronLinesRunAsWritten() throws Exception {
        Path srv = Files.createDirectories(home.resolve("srv"));
        Path cronHome = Files.createDirectories(srv.resolve("entra"));
        Path reports = Files.createDirectories(srv.resolve("reports"));
        Path mailbox = srv.resolve("mail.txt");
        Path launcher = srv.resolve("entra-shell");
        Files.writeString(
                launcher,
                "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                        + ShellProcess.JAR + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(
                cronHome.resolve("env"),
                "export AZURE_TENANT_ID=" + demo.tenantId() + "\nexport AZURE_CLIENT_ID=" + demo.clientId()
                        + "\nexport AZURE_CLIENT_SECRET='" + demo.clientSecret() + "'\n");
        new ShellProcess(cronHome).addEnvironment(emulator, emulator.writeCaCertificate(srv.resolve("ca.pem")));
        // The demo's certificate in the cron home's default store, for the --thumbprint line.
        assertThat(new ShellProcess(cronHome)
                        .run("cert import " + writeDemoPem())
                        .exitCode())
                .isZero();

        // The rotation line's steps (connect by subject name, then cert rotate) are CertRotateIT's; run here,
        // it would roll the demo app's own key, which the other lines sign in with.
        List<String> lines = cronLines().stream()
                .filter(line -> !line.contains("cert rotate"))
                .toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            String command = line.replaceFirst("^(\\S+\\s+){5}", "")
                    .replace("/srv/entra", cronHome.toString())
                    .replace("/srv/reports", reports.toString())
                    .replace("/opt/entra-shell/entra-shell", launcher.toString())
                    .replace("/opt/entra-shell/scripts", ScriptsIT.SCRIPTS.toString())
                    .replace("contoso.onmicrosoft.com", demo.domain())
                    .replace("1111…", demo.clientId())
                    .replace("0F3A…", demo.thumbprintSha1Hex())
                    .replace("connect ", "connect --environment Emu ")
                    .replaceAll("mail -E -s '[^']*' \\S+", "cat >> " + mailbox);
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            process.getOutputStream().close();
            assertThat(process.waitFor()).as(command).isZero();
        }

        JsonArray users = JsonParser.parseString(Files.readString(cronHome.resolve("users.json")))
                .getAsJsonArray();
        assertThat(users).hasSize(demoUsers().size());
        List<CSVRecord> csv;
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(Files.readString(reports.resolve("users.csv"), StandardCharsets.UTF_8)))) {
            csv = parser.getRecords();
            assertThat(parser.getHeaderNames()).startsWith("id", "displayName", "userPrincipalName");
        }
        assertThat(csv).hasSize(demoUsers().size());
        assertThat(csv.stream().map(r -> r.get("id")))
                .containsExactlyInAnyOrderElementsOf(
                        demoUsers().stream().map(User::id).toList());
        // The seed has credentials expiring within 30 days: that day's mail has them. Once the apps with
        // credentials are gone, a day with nothing to report writes nothing, so mail -E sends nothing.
        assertThat(Files.readString(mailbox)).contains("within 30 days:");
        var objects = emulator.directory().objects(demo.tenantId());
        objects.applications().stream()
                .filter(app -> !app.appId().equals(demo.clientId()))
                .filter(app -> !app.keyCredentials().isEmpty()
                        || !app.passwordCredentials().isEmpty())
                .forEach(app -> objects.removeApplication(app.id()));
        ShellProcess.Result quiet = new ShellProcess(cronHome)
                .env("AZURE_TENANT_ID", demo.tenantId())
                .env("AZURE_CLIENT_ID", demo.clientId())
                .env("AZURE_CLIENT_SECRET", demo.clientSecret())
                .runWithInput(
                        "",
                        "-c",
                        "connect --env --environment Emu",
                        ScriptsIT.SCRIPTS.resolve("expiring-credentials.groovy").toString(),
                        "30");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).isEmpty();
    }

    /** A collection is one JSON array of its items, one page or --all; --query searches exactly that. */
    @Test
    void oneCollectionModel() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result page = shell.run(connect, "get /users --top 7 --select id,displayName --output json");
        ShellProcess.Result all = shell.run(connect, "get /users --all --top 50 --select id --output json");
        ShellProcess.Result query =
                shell.run(connect, "get /users --top 7 --select id,displayName --query '[].displayName' --output json");
        ShellProcess.Result graphShaped =
                shell.run(connect, "get /users --top 7 --query 'value[].displayName' --output json");

        JsonArray items = JsonParser.parseString(page.out()).getAsJsonArray();
        assertThat(items).hasSize(7);
        assertThat(page.err()).contains("More results: add --all, or get 'https://");
        assertThat(JsonParser.parseString(all.out()).getAsJsonArray())
                .hasSize(demoUsers().size());
        assertThat(all.err()).doesNotContain("More results");
        List<String> names = new ArrayList<>();
        items.forEach(
                item -> names.add(item.getAsJsonObject().get("displayName").getAsString()));
        JsonArray queried = JsonParser.parseString(query.out()).getAsJsonArray();
        assertThat(queried.asList().stream().map(e -> e.getAsString()).toList()).isEqualTo(names);
        assertThat(graphShaped.out().strip()).isEqualTo("null");
        assertThat(graphShaped.err()).contains("write '[].displayName' instead");
    }

    /** --count says the total on stderr in every format; the data stays the items. */
    @Test
    void countInEveryFormat() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        for (String format : new String[] {"table", "csv", "json", "tsv"}) {
            ShellProcess.Result run = shell.run(connect, "get /users --count --top 3 --select id --output " + format);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err())
                    .as(format)
                    .contains(String.format(
                            "%,d items in all (@odata.count).", demoUsers().size()));
            assertThat(run.out()).as(format).doesNotContain("@odata.count");
        }
    }

    /**
     * On terminals 100 and 200 columns wide, user principal names and mail addresses come out whole; the
     * table fits the narrow one by leaving columns out, and --all's table has the same columns as one page.
     */
    @Test
    void tablesFitTheTerminalAndNeverCutIdentifiers() throws Exception {
        User longest = demoUsers().stream()
                .max((a, b) -> Integer.compare(
                        a.userPrincipalName().length(), b.userPrincipalName().length()))
                .orElseThrow();
        for (int columns : new int[] {100, 200}) {
            ShellProcess.Result typed = new ShellProcess(home)
                    .columns(columns)
                    .runTyped(List.of(
                            new ShellProcess.Step("entra>", connect + " --no-welcome"),
                            new ShellProcess.Step("entra [", "get /users --top 999"),
                            new ShellProcess.Step("entra [", "exit")));
            String screen = typed.out().replaceAll(ANSI, "").replace("\r", "");
            if (columns == 200) {
                assertThat(screen).contains(longest.userPrincipalName());
            }
            Set<String> addresses = new HashSet<>();
            demoUsers().forEach(user -> {
                addresses.add(user.userPrincipalName());
                if (user.mail() != null) {
                    addresses.add(user.mail());
                }
            });
            List<String> rows =
                    screen.lines().filter(l -> l.contains("@" + demo.domain())).toList();
            assertThat(rows).hasSizeGreaterThan(200);
            for (String row : rows) {
                assertThat(row.length()).as("at " + columns + ": " + row).isLessThanOrEqualTo(columns);
                Matcher address = Pattern.compile("\\S+@\\S+").matcher(row);
                while (address.find()) {
                    assertThat(addresses).as("at " + columns + ": " + row).contains(address.group());
                }
            }
        }
    }

    /** --all as a table: the same header as one page, and progress erased before any row is written. */
    @Test
    void pagedTablesLookLikeOnePageAndProgressNeverSharesALine() throws Exception {
        ShellProcess.Result typed = new ShellProcess(home)
                .columns(160)
                .runTyped(List.of(
                        new ShellProcess.Step("entra>", connect + " --no-welcome"),
                        new ShellProcess.Step("entra [", "get /users --top 40"),
                        new ShellProcess.Step("More results", "get /users --top 40 --all"),
                        new ShellProcess.Step("entra [", "exit")));
        String screen = typed.out();
        List<String> headers = screen.replaceAll(ANSI, "")
                .replace("\r", "")
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("displayName"))
                .toList();
        assertThat(headers).as(screen).hasSize(2);
        assertThat(headers.get(1)).isEqualTo(headers.get(0));
        // Each progress text is erased (CR, erase-line) before anything else is written after it.
        Matcher progress =
                Pattern.compile("\\d[\\d,]* items?, \\d+ pages?\\.\\.\\.").matcher(screen);
        int seen = 0;
        while (progress.find()) {
            seen++;
            assertThat(screen.substring(progress.end())).startsWith("\r\u001b[K");
        }
        assertThat(seen).isGreaterThanOrEqualTo(5); // 230 users, 40 a page
    }

    /** Listings take --output and --query like Graph calls; cert show says by its exit code whether connect can use it. */
    @Test
    void listingsTakeOutputAndCertShowExitsOnAFailedRequirement() throws Exception {
        ShellProcess shell = new ShellProcess(home);
        ShellProcess.Result environments = shell.run("environment list --output json --query '[].Name'");
        assertThat(environments.exitCode()).as(environments.err()).isZero();
        assertThat(JsonParser.parseString(environments.out()).getAsJsonArray().asList().stream()
                        .map(e -> e.getAsString())
                        .toList())
                .contains("Global", "China", "USGov", "USGovDoD", "Emu");
        ShellProcess.Result table = shell.run("environment list --output csv");
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("Name,LoginEndpoint,GraphEndpoint");

        Path cer = home.resolve("public.cer");
        Files.write(cer, demo.certificate().getEncoded());
        ShellProcess.Result shown = shell.run("cert show " + cer);
        assertThat(shown.exitCode()).isEqualTo(1);
        assertThat(JsonParser.parseString(shown.out())
                        .getAsJsonObject()
                        .get("Thumbprint")
                        .getAsString())
                .isEqualTo(demo.thumbprintSha1Hex());
        assertThat(shown.errLines()).singleElement().asString().contains("fails PrivateKey (not here)");
        ShellProcess.Result good = shell.run("cert show " + writeDemoPem());
        assertThat(good.exitCode()).as(good.err()).isZero();
    }

    private static List<User> demoUsers() {
        return emulator.directory().objects(demo.tenantId()).users();
    }

    private static Path writeDemoPem() throws Exception {
        Path pem = home.resolve("demo.pem");
        if (!Files.exists(pem)) {
            dev.entrashell.certificate.TestCertificates.writePem(
                    new dev.entrashell.certificate.TestCertificates.Issued(
                            new java.security.KeyPair(demo.certificate().getPublicKey(), demo.privateKey()),
                            demo.certificate()),
                    pem,
                    "pkcs8",
                    null);
        }
        return pem.toAbsolutePath();
    }

    /** The command lines of the README's ```cron blocks, without their comments. */
    private static List<String> cronLines() throws Exception {
        List<String> lines = new ArrayList<>();
        boolean inCron = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("```")) {
                inCron = line.equals("```cron");
            } else if (inCron && !line.isBlank() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }
}

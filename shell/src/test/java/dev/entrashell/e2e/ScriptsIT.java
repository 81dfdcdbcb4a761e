package dev.entrashell.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRoleAssignment;
import dev.entrashell.emulator.directory.DirectoryObject;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every saved script in {@code scripts/} through the built jar against the demo tenant, as its
 * demo app (which holds the roles the scripts' headers name), and checks what each prints (or
 * writes) against the emulator's directory.
 */
@EmulatorTest
class ScriptsIT {
    static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
    private static final Set<String> TESTED = new LinkedHashSet<>();

    @TempDir
    static Path home;

    private static Emulator emulator;
    private static DemoTenant demo;
    private static ShellProcess shell;

    @BeforeAll
    static void start() throws Exception {
        demo = emulator.demo();
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Files.writeString(home.resolve("secret.txt"), demo.clientSecret());
        shell = new ShellProcess(home);
        shell.addEnvironment(emulator, ca);
    }

    @AfterAll
    static void stop() throws Exception {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            Set<String> shipped = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".groovy"))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            assertThat(TESTED).as("every script in scripts/ has a test here").containsAll(shipped);
        }
    }

    private static ShellProcess.Result run(String script, String... args) throws Exception {
        TESTED.add(script + ".groovy");
        String line = "run " + script + " "
                + String.join(" ", Stream.of(args).map(a -> "'" + a + "'").toList());
        return shell.run(
                "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                        + " --secret-file " + home.resolve("secret.txt") + " --no-welcome",
                line.strip());
    }

    private static TenantObjects objects() {
        return emulator.directory().objects(demo.tenantId());
    }

    @Test
    void expiringCredentials() throws Exception {
        ShellProcess.Result result = run("expiring-credentials", "30");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Instant now = Instant.now();
        record Expiring(Instant end, String keyId) {}
        List<Expiring> expected = new ArrayList<>();
        int expired = 0;
        for (var app : objects().applications()) {
            for (var key : app.keyCredentials()) {
                expected.add(new Expiring(key.endDateTime(), key.keyId()));
            }
            for (var secret : app.passwordCredentials()) {
                expected.add(new Expiring(secret.endDateTime(), secret.keyId()));
            }
        }
        expired = (int) expected.stream().filter(e -> e.end().isBefore(now)).count();
        List<String> soon = expected.stream()
                .filter(e -> e.end().isAfter(now) && e.end().isBefore(now.plus(Duration.ofDays(30))))
                .sorted(Comparator.comparing(Expiring::end))
                .map(Expiring::keyId)
                .toList();
        assertThat(soon).hasSize(3);
        Matcher rows = Pattern.compile("(?m)^\\S+Z\\s+\\d+\\s+(Certificate|Secret)\\s+([0-9a-f-]{36})\\s")
                .matcher(result.out());
        List<String> printed = new ArrayList<>();
        while (rows.find()) {
            printed.add(rows.group(2));
        }
        assertThat(printed).containsExactlyElementsOf(soon);
        assertThat(result.out())
                .startsWith("3 credentials expire within 30 days:")
                .containsPattern("Secret\\s+\\S+\\s+Backup Automation\\s+Backup bootstrap")
                .containsPattern("Certificate\\s+\\S+\\s+Contoso HR Sync\\s+CN=Contoso HR Sync")
                .contains(expired + " already expired (in Legacy Intranet, Payroll Connector, Security Reporting)");
    }

    /** One CSV line for the saved demo connection, with the tenant's own counts. */
    @Test
    void tenantsReport() throws Exception {
        TESTED.add("tenants-report.groovy");
        ShellProcess.Result result = shell.run(
                "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + demo.clientId()
                        + " --secret-file " + home.resolve("secret.txt") + " --no-welcome --name demo",
                "run tenants-report demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Instant horizon = Instant.now().plus(Duration.ofDays(30));
        var users = emulator.directory().users(demo.tenantId()).all();
        long guests = users.stream().filter(u -> "Guest".equals(u.userType())).count();
        long expiring = objects().applications().stream()
                .filter(app -> app.keyCredentials().stream()
                                .anyMatch(k -> k.endDateTime().isBefore(horizon))
                        || app.passwordCredentials().stream()
                                .anyMatch(p -> p.endDateTime().isBefore(horizon)))
                .count();
        assertThat(expiring).isPositive();
        assertThat(result.out())
                .isEqualTo("name,tenant,app,users,guests,appsWithCredentialsExpiringIn30Days\ndemo," + demo.tenantId()
                        + ",Entra Shell Demo," + users.size() + "," + guests + "," + expiring + "\n");
    }

    @Test
    void usersExport() throws Exception {
        Path csv = home.resolve("users.csv");

        ShellProcess.Result result = run("users-export", csv.toString(), "id,displayName,userPrincipalName,department");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<User> users = objects().users();
        assertThat(result.out()).isEmpty(); // the data is the file; the line saying so is a message
        assertThat(result.err()).isEqualTo("Wrote " + users.size() + " users to " + csv + "\n");
        assertThat(Files.list(home).map(Path::getFileName).map(Path::toString)).noneMatch(f -> f.endsWith(".partial"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id,displayName,userPrincipalName,department");
        assertThat(lines.subList(1, lines.size()))
                .containsExactlyElementsOf(users.stream()
                        .map(u -> u.id() + "," + u.displayName() + "," + u.userPrincipalName() + ","
                                + (u.department() == null ? "" : u.department()))
                        .toList());
    }

    @Test
    void groupMembers() throws Exception {
        ShellProcess.Result result = run("group-members", "VPN Users");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String group = DemoSeed.VPN_USERS_GROUP_ID;
        Set<String> direct =
                objects().members(group).stream().map(DirectoryObject::id).collect(Collectors.toSet());
        List<DirectoryObject> all = objects().transitiveMembers(group);
        Matcher rows = Pattern.compile("(?m)^(\\w+)\\s+(direct|nested)\\s+([0-9a-f-]{36})\\s+(.*)$")
                .matcher(result.out());
        Set<String> printed = new LinkedHashSet<>();
        while (rows.find()) {
            String id = rows.group(3);
            printed.add(id);
            assertThat(rows.group(2)).as(id).isEqualTo(direct.contains(id) ? "direct" : "nested");
            DirectoryObject object =
                    all.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
            assertThat(rows.group(1)).isEqualTo(object instanceof Group ? "group" : "user");
        }
        assertThat(printed)
                .containsExactlyInAnyOrderElementsOf(
                        all.stream().map(DirectoryObject::id).toList());
        long groups = all.stream().filter(o -> o instanceof Group).count();
        assertThat(result.out())
                .startsWith("Members of 'VPN Users' (" + group + "), nested groups included:")
                .containsPattern("group\\s+nested\\s+" + DemoSeed.HELPDESK_GROUP_ID + "\\s+Helpdesk")
                .endsWith(groups + " groups, " + (all.size() - groups) + " users\n");
    }

    @Test
    void appPermissions() throws Exception {
        ShellProcess.Result result = run("app-permissions");

        assertThat(result.exitCode()).as(result.err()).isZero();
        int grants = 0;
        int holders = 0;
        List<ServicePrincipal> principals = objects().servicePrincipals();
        for (ServicePrincipal principal : principals) {
            List<AppRoleAssignment> assignments = objects().appRoleAssignments(principal.id());
            if (!assignments.isEmpty()) {
                holders++;
                grants += assignments.size();
                assertThat(result.out()).contains(principal.displayName() + " (appId " + principal.appId() + ")");
            } else {
                assertThat(result.out()).doesNotContain(principal.displayName() + " (appId");
            }
        }
        String hrSync = section(result.out(), "Contoso HR Sync");
        assertThat(hrSync)
                .containsPattern("Microsoft Graph\\s+Group.Read.All")
                .containsPattern("Microsoft Graph\\s+User.ReadWrite.All");
        assertThat(section(result.out(), "Backup Automation"))
                .containsPattern("Office 365 Exchange Online\\s+full_access_as_app");
        assertThat(section(result.out(), "Entra Shell Demo"))
                .contains("AuditLog.Read.All", "GroupMember.ReadWrite.All");
        assertThat(result.out())
                .endsWith(grants + " application permissions granted to " + holders + " service principals; "
                        + (principals.size() - holders) + " hold none.\n");
    }

    @Test
    void staleGuests() throws Exception {
        ShellProcess.Result result = run("stale-guests", "90");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Instant cutoff = Instant.now().minus(Duration.ofDays(90));
        List<User> guests = objects().users().stream().filter(User::isGuest).toList();
        List<String> stale = guests.stream()
                .filter(u ->
                        u.lastSignInDateTime() == null || u.lastSignInDateTime().isBefore(cutoff))
                .map(u -> u.mail() != null ? u.mail() : u.userPrincipalName())
                .toList();
        assertThat(stale).isNotEmpty().hasSizeLessThan(guests.size() + 1);
        assertThat(result.out())
                .startsWith(stale.size() + " of " + guests.size() + " guests have not signed in for 90 days:");
        List<String> printed = result.out()
                .lines()
                .skip(2)
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .toList();
        assertThat(printed).containsExactlyInAnyOrderElementsOf(stale);
        assertThat(result.out()).contains("never");
    }

    @Test
    void addGroupMembers() throws Exception {
        String helpdesk = DemoSeed.HELPDESK_GROUP_ID;
        User existing = (User) objects().members(helpdesk).stream()
                .filter(o -> o instanceof User)
                .findFirst()
                .orElseThrow();
        List<User> newcomers = objects().users().stream()
                .filter(u -> !u.isGuest() && !objects().isMember(helpdesk, u.id()))
                .limit(2)
                .toList();
        Path file = Files.writeString(
                home.resolve("new-members.txt"),
                "# new starters\n" + newcomers.get(0).userPrincipalName() + "\n\n"
                        + newcomers.get(1).id() + "\n" + "nobody@contosodemo.onmicrosoft.com\n"
                        + existing.userPrincipalName() + "\n");

        ShellProcess.Result result = run("add-group-members", "Helpdesk", file.toString());

        assertThat(result.exitCode()).as("some failed").isEqualTo(1);
        assertThat(objects().isMember(helpdesk, newcomers.get(0).id())).isTrue();
        assertThat(objects().isMember(helpdesk, newcomers.get(1).id())).isTrue();
        assertThat(result.out())
                .contains("added   " + newcomers.get(0).userPrincipalName() + "\n")
                .contains("added   " + newcomers.get(1).id() + "\n")
                .endsWith("Added 2 of 4 users to 'Helpdesk'; 2 failed.\n");
        assertThat(result.errLines())
                .anySatisfy(l -> assertThat(l).startsWith("failed  nobody@contosodemo.onmicrosoft.com: HTTP 404"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith("failed  " + existing.userPrincipalName() + ": HTTP 400")
                        .contains("already exist"));
    }

    /** The lines of one service principal's section of app-permissions. */
    private static String section(String out, String displayName) {
        int start = out.indexOf(displayName + " (appId");
        assertThat(start).as(displayName).isNotNegative();
        int end = out.indexOf("\n", start);
        StringBuilder lines = new StringBuilder();
        for (String line : out.substring(end + 1).split("\n")) {
            if (!line.startsWith("    ")) {
                break;
            }
            lines.append(line).append('\n');
        }
        return lines.toString();
    }
}

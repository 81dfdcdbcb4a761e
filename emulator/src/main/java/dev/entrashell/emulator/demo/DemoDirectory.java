package dev.entrashell.emulator.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import dev.entrashell.emulator.directory.AppRole;
import dev.entrashell.emulator.directory.AppRoleAssignment;
import dev.entrashell.emulator.directory.Application;
import dev.entrashell.emulator.directory.Device;
import dev.entrashell.emulator.directory.FirstPartyApis;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.KeyCredential;
import dev.entrashell.emulator.directory.PasswordCredential;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.tls.Thumbprints;

/**
 * Seeds a tenant's directory beyond its users, deterministically: the same ids and names on every
 * run, with dates relative to the emulator's start so that "expires within 30 days" and "no
 * sign-in for 90 days" stay true whenever it runs.
 *
 * <ul>
 *   <li>a manager hierarchy over the members (the first member is at the top, six reports each);
 *   <li>a security group per department, nested in "All Employees"; "VPN Users" contains "IT
 *       Admins", which contains "Helpdesk" (three levels, for transitive queries); "Guests -
 *       Partners" holds every guest; "Managed Devices" holds devices, "Automation Accounts"
 *       service principals; "Former Contractors" is empty;
 *   <li>Microsoft 365 groups with owners, and one without any ("Ownerless Team");
 *   <li>devices (a third of the user count, at most 2,000), some stale;
 *   <li>applications with certificates and secrets expiring soon, expired, and far out, their
 *       service principals and the Microsoft Graph roles granted to them.
 * </ul>
 */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
public final class DemoDirectory {
    /** Devices per user, and the most devices seeded. */
    static final int USERS_PER_DEVICE = 3;

    static final int MAX_DEVICES = 2_000;

    private static final Instant EARLIEST_REGISTRATION = Instant.parse("2020-01-01T00:00:00Z");
    private static final long DAY = Duration.ofDays(1).toSeconds();

    private final TenantObjects objects;
    private final String tenantId;
    private final String domain;
    private final Instant now;
    private final List<User> members = new ArrayList<>();
    private final List<User> guests = new ArrayList<>();
    private final Map<String, List<User>> byDepartment = new LinkedHashMap<>();

    private DemoDirectory(TenantObjects objects, String domain, Instant now) {
        this.objects = objects;
        this.tenantId = objects.tenantId();
        this.domain = domain;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Replaces the tenant's users with these and seeds the rest around them. */
    public static void seed(TenantObjects objects, String domain, List<User> users, Instant now) {
        DemoDirectory seed = new DemoDirectory(objects, domain, now);
        try (TenantObjects.Held held = objects.write()) {
            objects.replaceUsers(users);
            seed.classify(users);
            seed.managers();
            List<Device> devices = seed.devices(Math.min(users.size() / USERS_PER_DEVICE, MAX_DEVICES));
            List<ServicePrincipal> automation = seed.applications();
            seed.groups(devices, automation);
        }
    }

    /** The object id of a seeded group, from its slug (e.g. "it-admins"). */
    public static String groupId(String tenantId, String slug) {
        return Guids.fromName(tenantId + "/groups/" + slug);
    }

    public static String deviceId(String tenantId, int n) {
        return Guids.fromName(tenantId + "/devices/" + n);
    }

    public static String applicationObjectId(String tenantId, String appId) {
        return Guids.fromName(tenantId + "/applications/" + appId);
    }

    public static String servicePrincipalId(String tenantId, String appId) {
        return Guids.fromName(tenantId + "/servicePrincipals/" + appId);
    }

    private void classify(List<User> users) {
        for (User user : users) {
            if (user.isGuest()) {
                guests.add(user);
            } else {
                members.add(user);
                if (user.department() != null) {
                    byDepartment
                            .computeIfAbsent(user.department(), d -> new ArrayList<>())
                            .add(user);
                }
            }
        }
    }

    /** The first member manages the next six, each of those six more, and so on. */
    private void managers() {
        for (int i = 1; i < members.size(); i++) {
            objects.setManager(members.get(i).id(), members.get((i - 1) / 6).id());
        }
    }

    // ---- groups ----------------------------------------------------------------------------------

    private void groups(List<Device> devices, List<ServicePrincipal> automation) {
        List<String> departmentGroups = new ArrayList<>();
        for (String department : DemoUsers.departments()) {
            String slug = "department-" + slug(department);
            group(slug, department + " Department", "Everyone in " + department + ".", false, null, 2019);
            departmentGroups.add(groupId(tenantId, slug));
            objects.addMembers(groupId(tenantId, slug), ids(byDepartment.getOrDefault(department, List.of())));
        }
        String allEmployees = group(
                "all-employees", "All Employees", "Every employee, through the department groups.", false, null, 2019);
        objects.addMembers(allEmployees, departmentGroups);

        String helpdesk = group("helpdesk", "Helpdesk", "First-line support.", false, null, 2020);
        objects.addMembers(helpdesk, ids(first(byDepartment.getOrDefault("Support", List.of()), 4)));
        String itAdmins =
                group("it-admins", "IT Admins", "Administrators of the tenant; includes Helpdesk.", false, null, 2020);
        List<User> it = byDepartment.getOrDefault("IT", List.of());
        objects.addMembers(itAdmins, ids(first(it, 5)));
        objects.addMember(itAdmins, helpdesk);
        if (!it.isEmpty()) {
            objects.addOwner(itAdmins, it.get(0).id());
        }
        String vpn = group("vpn-users", "VPN Users", "Remote access; includes IT Admins and Sales.", false, null, 2021);
        objects.addMember(vpn, itAdmins);
        objects.addMember(vpn, groupId(tenantId, "department-sales"));

        String partners = group("guests-partners", "Guests - Partners", "Every guest account.", false, null, 2021);
        objects.addMembers(partners, ids(guests));
        String managedDevices =
                group("managed-devices", "Managed Devices", "Devices under management.", false, null, 2022);
        objects.addMembers(
                managedDevices, devices.stream().limit(10).map(Device::id).toList());
        String automationAccounts = group(
                "automation-accounts",
                "Automation Accounts",
                "Service principals of automation apps.",
                false,
                null,
                2022);
        objects.addMembers(
                automationAccounts,
                automation.stream().map(ServicePrincipal::id).toList());
        group("former-contractors", "Former Contractors", "Kept for audit; no members.", false, null, 2019);

        List<User> marketing = byDepartment.getOrDefault("Marketing", List.of());
        String contosoMarketing =
                group("contoso-marketing", "Contoso Marketing", "Marketing team workspace.", true, "Public", 2020);
        objects.addMembers(contosoMarketing, ids(first(marketing, 25)));
        owners(contosoMarketing, first(marketing, 1));

        List<User> falconPeople = new ArrayList<>(first(byDepartment.getOrDefault("Engineering", List.of()), 6));
        falconPeople.addAll(first(byDepartment.getOrDefault("Product", List.of()), 4));
        String falcon = group("project-falcon", "Project Falcon", "Next-generation platform.", true, "Private", 2023);
        objects.addMembers(falcon, ids(falconPeople));
        owners(falcon, first(falconPeople, 2));

        String leadership = group("leadership-team", "Leadership Team", "Executives.", true, "Private", 2019);
        objects.addMembers(leadership, ids(first(members, 7)));
        owners(leadership, first(members, 1));

        String ownerless =
                group("ownerless-team", "Ownerless Team", "Its owners left the company.", true, "Public", 2021);
        objects.addMembers(ownerless, ids(members.subList(Math.min(members.size(), 10), Math.min(members.size(), 15))));

        String announcements =
                group("company-announcements", "Company Announcements", "News for everyone.", true, "Public", 2019);
        objects.addMembers(announcements, ids(first(members, 50)));
        owners(announcements, members.subList(Math.min(members.size(), 1), Math.min(members.size(), 3)));
    }

    private String group(
            String slug, String displayName, String description, boolean microsoft365, String visibility, int year) {
        String nickname = slug.replace("-", "");
        Group group = new Group(
                groupId(tenantId, slug),
                displayName,
                description,
                nickname,
                microsoft365 ? nickname + "@" + domain : null,
                microsoft365,
                !microsoft365,
                microsoft365 ? List.of("Unified") : List.of(),
                visibility,
                Instant.parse(year + "-03-01T09:00:00Z").plusSeconds(slug.length() * 3_600L));
        objects.addGroup(group);
        return group.id();
    }

    private void owners(String groupId, List<User> users) {
        users.forEach(user -> objects.addOwner(groupId, user.id()));
    }

    // ---- devices ---------------------------------------------------------------------------------

    private List<Device> devices(int count) {
        List<Device> devices = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            Device device = device(n);
            objects.addDevice(device);
            devices.add(device);
        }
        return devices;
    }

    private Device device(int n) {
        SplittableRandom random = new SplittableRandom(DemoSeed.USER_SEED * 31 + n);
        int kind = random.nextInt(100);
        String name;
        String os;
        String version;
        String manufacturer;
        String model;
        String trustType;
        if (kind < 55) {
            name = (random.nextBoolean() ? "DESKTOP-" : "LAPTOP-") + code(random, 7);
            os = "Windows";
            version = random.nextInt(3) == 0 ? "10.0.19045.4894" : "10.0.22631.4169";
            manufacturer = random.nextBoolean() ? "Dell Inc." : "LENOVO";
            model = manufacturer.startsWith("Dell") ? "Latitude 7440" : "ThinkPad T14 Gen 4";
            int trust = random.nextInt(100);
            trustType = trust < 60 ? "AzureAd" : trust < 85 ? "ServerAd" : "Workplace";
        } else if (kind < 70) {
            name = "MacBook-" + code(random, 4);
            os = "MacMDM";
            version = "14.6.1";
            manufacturer = "Apple";
            model = "MacBook Pro";
            trustType = "Workplace";
        } else if (kind < 88) {
            name = "iPhone-" + code(random, 4);
            os = "iOS";
            version = "17.6.1";
            manufacturer = "Apple";
            model = "iPhone 15";
            trustType = "Workplace";
        } else {
            name = "Android-" + code(random, 4);
            os = "Android";
            version = "14.0";
            manufacturer = "Google";
            model = "Pixel 8";
            trustType = "Workplace";
        }
        boolean managed = random.nextInt(100) < 85;
        boolean compliant = managed && random.nextInt(100) < 90;
        boolean enabled = random.nextInt(100) < 97;
        long registrationWindow = Math.max(DAY, now.getEpochSecond() - EARLIEST_REGISTRATION.getEpochSecond() - DAY);
        Instant registered = EARLIEST_REGISTRATION.plusSeconds(random.nextLong(registrationWindow));
        int activity = random.nextInt(100);
        Instant lastSignIn = activity < 10
                ? null
                : now.minusSeconds(
                        (activity < 30 ? 90 + random.nextInt(275) : random.nextInt(30)) * DAY + random.nextLong(DAY));
        if (lastSignIn != null && lastSignIn.isBefore(registered)) {
            lastSignIn = registered;
        }
        return new Device(
                deviceId(tenantId, n),
                Guids.fromName(tenantId + "/devices/" + n + "/deviceId"),
                name,
                os,
                version,
                manufacturer,
                model,
                enabled,
                trustType,
                compliant,
                managed,
                lastSignIn,
                registered);
    }

    private static String code(SplittableRandom random, int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    // ---- applications ----------------------------------------------------------------------------

    /** @return the service principals of the automation apps (members of "Automation Accounts") */
    private List<ServicePrincipal> applications() {
        List<ServicePrincipal> automation = new ArrayList<>();
        app(
                DemoSeed.HR_SYNC_APP_ID,
                "Contoso HR Sync",
                List.of(certificate("CN=Contoso HR Sync", -350, 15)),
                List.of(secret("HR sync secret", -100, 630)),
                List.of("User.ReadWrite.All", "Group.Read.All"),
                automation);
        app(
                DemoSeed.PAYROLL_APP_ID,
                "Payroll Connector",
                List.of(certificate("CN=Payroll Connector", -375, -10)),
                List.of(secret("Payroll secret", -410, -45)),
                List.of("User.Read.All"),
                null);
        app(
                DemoSeed.MARKETING_ANALYTICS_APP_ID,
                "Marketing Analytics",
                List.of(),
                List.of(secret("Analytics 2024", -345, 20), secret("Analytics 2025", -10, 720)),
                List.of("Group.Read.All", "Reports.Read.All"),
                null);
        app(
                DemoSeed.LEGACY_INTRANET_APP_ID,
                "Legacy Intranet",
                List.of(certificate("CN=intranet.contoso.com", -1130, -400)),
                List.of(),
                List.of(),
                null);
        ServicePrincipal backup = app(
                DemoSeed.BACKUP_APP_ID,
                "Backup Automation",
                List.of(certificate("CN=Backup Automation", -30, 700)),
                List.of(secret("Backup bootstrap", -360, 5)),
                List.of("Directory.Read.All"),
                automation);
        ServicePrincipal exchange = objects.servicePrincipalByAppId(FirstPartyApis.EXCHANGE_ONLINE_APP_ID)
                .orElseThrow();
        List<AppRoleAssignment> backupRoles = new ArrayList<>(objects.appRoleAssignments(backup.id()));
        backupRoles.add(AppRoleAssignment.of(
                backup, exchange, FirstPartyApis.EXCHANGE_ONLINE_ROLES.get(0), now.minusSeconds(30 * DAY)));
        objects.setAppRoleAssignments(backup.id(), backupRoles);
        app(
                DemoSeed.TEAMS_BOT_APP_ID,
                "Teams Provisioning Bot",
                List.of(),
                List.of(),
                List.of("Group.ReadWrite.All"),
                null);
        app(
                DemoSeed.SECURITY_REPORTING_APP_ID,
                "Security Reporting",
                List.of(
                        certificate("CN=Security Reporting 2024", -395, -30),
                        certificate("CN=Security Reporting 2025", -30, 335)),
                List.of(),
                List.of("AuditLog.Read.All", "Directory.Read.All"),
                automation);
        return automation;
    }

    private ServicePrincipal app(
            String appId,
            String name,
            List<KeyCredential> keys,
            List<PasswordCredential> secrets,
            List<String> graphRoles,
            List<ServicePrincipal> automation) {
        List<KeyCredential> keyCredentials = new ArrayList<>();
        for (KeyCredential key : keys) {
            keyCredentials.add(withKeyId(key, appId));
        }
        List<PasswordCredential> passwordCredentials = new ArrayList<>();
        for (PasswordCredential secret : secrets) {
            passwordCredentials.add(new PasswordCredential(
                    secret.displayName(),
                    secret.endDateTime(),
                    secret.hint(),
                    Guids.fromName(appId + "/passwordCredentials/" + secret.displayName()),
                    secret.startDateTime()));
        }
        Instant created = keys.stream()
                .map(KeyCredential::startDateTime)
                .min(Instant::compareTo)
                .orElse(now.minusSeconds(400 * DAY));
        objects.putApplication(new Application(
                applicationObjectId(tenantId, appId),
                appId,
                name,
                null,
                "AzureADMyOrg",
                created,
                domain,
                List.of(),
                List.of(),
                null,
                keyCredentials,
                passwordCredentials));
        ServicePrincipal principal = new ServicePrincipal(
                servicePrincipalId(tenantId, appId),
                appId,
                name,
                name,
                tenantId,
                true,
                "Application",
                "AzureADMyOrg",
                List.of(appId),
                List.of("WindowsAzureActiveDirectoryIntegratedApp"),
                List.of(),
                List.of(),
                List.of());
        objects.putServicePrincipal(principal);
        ServicePrincipal graph = objects.servicePrincipalByAppId(FirstPartyApis.MICROSOFT_GRAPH_APP_ID)
                .orElseThrow();
        List<AppRoleAssignment> assignments = new ArrayList<>();
        for (String roleName : graphRoles) {
            AppRole role = FirstPartyApis.graphRole(roleName).orElseThrow();
            assignments.add(AppRoleAssignment.of(principal, graph, role, created));
        }
        objects.setAppRoleAssignments(principal.id(), assignments);
        if (automation != null) {
            automation.add(principal);
        }
        return principal;
    }

    /** A certificate credential valid from startDays to endDays relative to now (negative: in the past). */
    private KeyCredential certificate(String subject, int startDays, int endDays) {
        String thumbprint = HexFormat.of()
                .withUpperCase()
                .formatHex(Thumbprints.digest("SHA-1", (tenantId + "/" + subject).getBytes(StandardCharsets.UTF_8)));
        return new KeyCredential(
                thumbprint,
                subject,
                now.plusSeconds(endDays * DAY),
                null,
                now.plusSeconds(startDays * DAY),
                KeyCredential.TYPE_CERTIFICATE,
                KeyCredential.USAGE_VERIFY);
    }

    private PasswordCredential secret(String displayName, int startDays, int endDays) {
        String hint = displayName.substring(0, 1).toUpperCase(Locale.ROOT)
                + slug(displayName).substring(1, 2) + "~";
        return new PasswordCredential(
                displayName, now.plusSeconds(endDays * DAY), hint, null, now.plusSeconds(startDays * DAY));
    }

    private static KeyCredential withKeyId(KeyCredential key, String appId) {
        return new KeyCredential(
                key.customKeyIdentifier(),
                key.displayName(),
                key.endDateTime(),
                Guids.fromName(appId + "/keyCredentials/" + key.customKeyIdentifier()),
                key.startDateTime(),
                key.type(),
                key.usage());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }

    private static List<User> first(List<User> users, int count) {
        return users.subList(0, Math.min(count, users.size()));
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}

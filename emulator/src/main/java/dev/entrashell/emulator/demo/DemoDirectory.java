package dev.entrashell.emulator.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.entrashell.emulator.directory.Device;
import dev.entrashell.emulator.directory.Group;
import dev.entrashell.emulator.directory.Guids;
import dev.entrashell.emulator.directory.ServicePrincipal;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;

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
 *   <li>devices (a third of the user count, at most 2,000), some stale ({@link DemoDevices});
 *   <li>applications with certificates and secrets expiring soon, expired, and far out, their
 *       service principals and the Microsoft Graph roles granted to them ({@link DemoApplications}).
 * </ul>
 */
@SuppressWarnings("try") // try (Held held = objects.read()) holds a lock: the lock is the resource
public final class DemoDirectory {
    /** Devices per user, and the most devices seeded. */
    static final int USERS_PER_DEVICE = 3;

    static final int MAX_DEVICES = 2_000;

    static final long DAY = Duration.ofDays(1).toSeconds();

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
            List<Device> devices =
                    DemoDevices.seed(objects, seed.now, Math.min(users.size() / USERS_PER_DEVICE, MAX_DEVICES));
            List<ServicePrincipal> automation = DemoApplications.seed(objects, domain, seed.now);
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

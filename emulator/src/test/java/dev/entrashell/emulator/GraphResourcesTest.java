package dev.entrashell.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.entrashell.emulator.demo.DemoDirectory;
import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.directory.FirstPartyApis;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.testing.EmulatorTest;

import static dev.entrashell.emulator.GraphCalls.EVENTUAL;
import static dev.entrashell.emulator.GraphCalls.error;
import static dev.entrashell.emulator.GraphCalls.message;
import static dev.entrashell.emulator.GraphCalls.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Every resource listed and read by id, the relationships between them, $select and $expand. */
@EmulatorTest
class GraphResourcesTest {
    private static Emulator emulator;
    private static GraphCalls demoApp;
    private static GraphCalls reader;
    /** Reads groups and their members, and no other kind of object. */
    private static GraphCalls memberReader;

    private static TenantObjects objects;
    private static String root;

    @BeforeAll
    static void start() throws Exception {
        TestClient client = new TestClient(emulator.caCertificate());
        demoApp = GraphCalls.withRoles(
                emulator, client, "User.Read.All", "Organization.Read.All", "Group.Read.All", "Application.Read.All");
        reader = GraphCalls.withRoles(emulator, client, "Directory.Read.All", "Device.Read.All", "AuditLog.Read.All");
        memberReader = GraphCalls.withRoles(emulator, client, "GroupMember.Read.All");
        objects = emulator.directory().objects(emulator.demo().tenantId());
        root = emulator.graphEndpoint() + "/v1.0";
    }

    @Test
    void seedsAShapedTenantOfTheDefaultSize() {
        assertThat(count("users")).isEqualTo(300);
        assertThat(count("groups")).isEqualTo(25);
        // 8 seeded applications and this test's three apps (reader, read-only, member reader); their service
        // principals, Graph's and
        // Exchange's
        assertThat(count("applications")).isEqualTo(8 + 3);
        assertThat(count("servicePrincipals")).isEqualTo(8 + 3 + 2);
        assertThat(count("devices")).isEqualTo(100);
        long guests = objects.users().stream().filter(User::isGuest).count();
        assertThat(count("users?$filter=userType eq 'Guest'"))
                .isEqualTo((int) guests)
                .isPositive();
    }

    @Test
    void listsAndGetsEveryResourceById() {
        for (String set : List.of("users", "groups", "applications", "servicePrincipals", "devices")) {
            JsonObject page = reader.ok(set + "?$top=5");
            assertThat(page.get("@odata.context").getAsString()).isEqualTo(root + "/$metadata#" + set);
            List<JsonObject> items = GraphCalls.objects(page.getAsJsonArray("value"));
            assertThat(items).as(set).hasSize(5);
            for (JsonObject item : items) {
                String id = item.get("id").getAsString();
                JsonObject one = reader.ok(set + "/" + id);
                assertThat(one.get("@odata.context").getAsString()).isEqualTo(root + "/$metadata#" + set + "/$entity");
                assertThat(one.get("id").getAsString()).isEqualTo(id);
                assertThat(one.keySet()).containsAll(item.keySet());
            }
            String unknown = java.util.UUID.randomUUID().toString();
            assertThat(message(reader.get(set + "/" + unknown), 404, "Request_ResourceNotFound"))
                    .isEqualTo("Resource '" + unknown
                            + "' does not exist or one of its queried reference-property objects are not present.");
        }
        JsonObject organization =
                reader.values("organization?$select=id,displayName").get(0);
        assertThat(organization.keySet()).containsExactly("id", "displayName");
        assertThat(organization.get("displayName").getAsString()).isEqualTo("Contoso Demo");
    }

    @Test
    void writesGraphsShapesForEachResource() {
        JsonObject group = reader.ok("groups/" + DemoSeed.PROJECT_FALCON_GROUP_ID);
        assertThat(group.get("displayName").getAsString()).isEqualTo("Project Falcon");
        assertThat(group.getAsJsonArray("groupTypes").get(0).getAsString()).isEqualTo("Unified");
        assertThat(group.get("mailEnabled").getAsBoolean()).isTrue();
        assertThat(group.get("securityEnabled").getAsBoolean()).isFalse();
        assertThat(group.get("mail").getAsString()).isEqualTo("projectfalcon@contosodemo.onmicrosoft.com");
        assertThat(group.get("visibility").getAsString()).isEqualTo("Private");

        JsonObject device = reader.values("devices?$top=1").get(0);
        assertThat(device.keySet())
                .contains(
                        "id",
                        "deviceId",
                        "displayName",
                        "operatingSystem",
                        "operatingSystemVersion",
                        "trustType",
                        "isCompliant",
                        "isManaged",
                        "accountEnabled",
                        "approximateLastSignInDateTime",
                        "registrationDateTime");

        JsonObject user = reader.ok("users/" + objects.users().get(1).id()
                + "?$select=id,userType,accountEnabled,department,createdDateTime,signInActivity");
        assertThat(user.keySet())
                .containsExactly(
                        "@odata.context",
                        "id",
                        "userType",
                        "accountEnabled",
                        "department",
                        "createdDateTime",
                        "signInActivity");
    }

    @Test
    void navigatesManagerAndDirectReportsBothWays() {
        List<User> members = objects.users().stream().filter(u -> !u.isGuest()).toList();
        User top = members.get(0);
        User report = members.get(1);

        JsonObject manager = reader.ok("users/" + report.id() + "/manager");
        assertThat(manager.get("@odata.context").getAsString()).isEqualTo(root + "/$metadata#directoryObjects/$entity");
        assertThat(manager.get("@odata.type").getAsString()).isEqualTo("#microsoft.graph.user");
        assertThat(manager.get("id").getAsString()).isEqualTo(top.id());
        assertThat(strings(reader.values("users/" + top.id() + "/directReports"), "id"))
                .contains(report.id())
                .hasSize(6);

        assertThat(message(reader.get("users/" + top.id() + "/manager"), 404, "Request_ResourceNotFound"))
                .isEqualTo("Resource 'manager' does not exist or one of its queried reference-property objects are"
                        + " not present.");
        JsonObject expanded =
                reader.ok("users/" + report.userPrincipalName() + "?$expand=manager($select=id,displayName)");
        assertThat(expanded.getAsJsonObject("manager").keySet()).containsExactly("@odata.type", "id", "displayName");
    }

    @Test
    void membershipIsTheSameSeenFromTheGroupAndFromTheMember() {
        List<JsonObject> members = reader.all("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members", Map.of());
        assertThat(members)
                .extracting(m -> m.get("@odata.type").getAsString())
                .contains("#microsoft.graph.user", "#microsoft.graph.group");
        for (JsonObject member : members) {
            String path = member.get("@odata.type").getAsString().endsWith("user") ? "users/" : "groups/";
            List<String> groups = strings(reader.values(path + member.get("id").getAsString() + "/memberOf"), "id");
            assertThat(groups).contains(DemoSeed.IT_ADMINS_GROUP_ID);
        }
        // every member of a department group has that department
        String engineering = reader.values("groups?$filter=displayName eq 'Engineering Department'")
                .get(0)
                .get("id")
                .getAsString();
        List<JsonObject> engineers = reader.all("groups/" + engineering + "/members?$select=id,department", Map.of());
        assertThat(engineers)
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.get("department").getAsString()).isEqualTo("Engineering"));
        assertThat(engineers).hasSize((int) objects.users().stream()
                .filter(u -> "Engineering".equals(u.department()))
                .count());
    }

    @Test
    void resolvesTransitiveMembershipThroughNestedGroups() {
        List<String> helpdesk = strings(reader.values("groups/" + DemoSeed.HELPDESK_GROUP_ID + "/members"), "id");
        assertThat(helpdesk).isNotEmpty();

        List<JsonObject> vpn = reader.all("groups/" + DemoSeed.VPN_USERS_GROUP_ID + "/transitiveMembers", Map.of());
        List<String> vpnIds = strings(vpn, "id");
        assertThat(vpnIds).doesNotHaveDuplicates().contains(DemoSeed.IT_ADMINS_GROUP_ID, DemoSeed.HELPDESK_GROUP_ID);
        assertThat(vpnIds).containsAll(helpdesk);
        assertThat(strings(reader.values("groups/" + DemoSeed.VPN_USERS_GROUP_ID + "/members"), "id"))
                .doesNotContainAnyElementsOf(helpdesk);

        List<String> upward = strings(reader.values("users/" + helpdesk.get(0) + "/transitiveMemberOf"), "id");
        assertThat(upward)
                .contains(DemoSeed.HELPDESK_GROUP_ID, DemoSeed.IT_ADMINS_GROUP_ID, DemoSeed.VPN_USERS_GROUP_ID);
        assertThat(strings(reader.values("users/" + helpdesk.get(0) + "/memberOf"), "id"))
                .doesNotContain(DemoSeed.VPN_USERS_GROUP_ID);

        long members = objects.users().stream().filter(u -> !u.isGuest()).count();
        String allEmployees = reader.get(
                        "groups/" + DemoSeed.ALL_EMPLOYEES_GROUP_ID + "/transitiveMembers/$count", EVENTUAL)
                .body();
        assertThat(Integer.parseInt(allEmployees))
                .isEqualTo(members + 12); // every member, and the 12 department groups
        assertThat(reader.values("groups/" + DemoSeed.ALL_EMPLOYEES_GROUP_ID + "/transitiveMembers"
                        + "?$filter=startswith(displayName,'Engineering')&$select=displayName"))
                .extracting(o -> o.get("displayName").getAsString())
                .contains("Engineering Department");
    }

    @Test
    void castsRelationshipsToOneTypeAndRefusesMeForAppOnlyTokens() {
        JsonObject users = reader.ok("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members/microsoft.graph.user");
        assertThat(users.get("@odata.context").getAsString()).isEqualTo(root + "/$metadata#users");
        List<JsonObject> direct = reader.values("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members");
        assertThat(GraphCalls.objects(users.getAsJsonArray("value")))
                .hasSize(direct.size() - 1)
                .allSatisfy(u -> assertThat(u.has("userPrincipalName")).isTrue());
        assertThat(strings(
                        reader.values(
                                "groups/" + DemoSeed.VPN_USERS_GROUP_ID + "/transitiveMembers/microsoft.graph.group"),
                        "displayName"))
                .containsExactlyInAnyOrder("IT Admins", "Sales Department", "Helpdesk");
        assertThat(reader.get(
                                "groups/" + DemoSeed.VPN_USERS_GROUP_ID
                                        + "/transitiveMembers/microsoft.graph.user/$count",
                                EVENTUAL)
                        .body())
                .isEqualTo(Integer.toString(
                        objects.transitiveMembers(DemoSeed.VPN_USERS_GROUP_ID).size() - 3));
        String helpdeskUser = strings(reader.values("groups/" + DemoSeed.HELPDESK_GROUP_ID + "/members"), "id")
                .get(0);
        assertThat(strings(
                        reader.values("users/" + helpdeskUser + "/transitiveMemberOf/microsoft.graph.group"
                                + "?$select=displayName"),
                        "displayName"))
                .contains("Helpdesk", "IT Admins", "VPN Users");
        assertThat(message(
                        reader.get("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members/microsoft.graph.widget"),
                        400,
                        "BadRequest"))
                .isEqualTo("Resource not found for the segment 'microsoft.graph.widget'.");

        assertThat(message(demoApp.get("me"), 400, "BadRequest"))
                .isEqualTo("/me request is only valid with delegated authentication flow.");
    }

    @Test
    void castsAcceptTheShortGraphNamespaceAsTheGraphSdkSendsIt() {
        String members = "groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members/";
        int total = 0;
        for (String type : List.of("user", "group", "servicePrincipal", "device")) {
            List<String> shortName = strings(reader.values(members + "graph." + type), "id");
            assertThat(shortName).as(type).isEqualTo(strings(reader.values(members + "microsoft.graph." + type), "id"));
            total += shortName.size();
        }
        assertThat(total)
                .isEqualTo(reader.values("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members")
                        .size());
        assertThat(reader.get(
                                "groups/" + DemoSeed.VPN_USERS_GROUP_ID + "/transitiveMembers/graph.user/$count",
                                EVENTUAL)
                        .body())
                .isEqualTo(Integer.toString(
                        objects.transitiveMembers(DemoSeed.VPN_USERS_GROUP_ID).size() - 3));
        assertThat(message(reader.get(members + "graph.widget"), 400, "BadRequest"))
                .isEqualTo("Resource not found for the segment 'graph.widget'.");
    }

    @Test
    void membersOfAKindTheAppMayNotReadComeWithTheirTypeAndIdOnly() {
        String tenant = emulator.demo().tenantId();
        String automation = "groups/" + DemoDirectory.groupId(tenant, "automation-accounts") + "/members";
        String devices = "groups/" + DemoDirectory.groupId(tenant, "managed-devices") + "/members";

        List<JsonObject> limitedPrincipals = memberReader.values(automation);
        assertThat(limitedPrincipals).isNotEmpty().allSatisfy(member -> {
            assertThat(member.get("@odata.type").getAsString()).isEqualTo("#microsoft.graph.servicePrincipal");
            assertThat(member.get("id").getAsString()).isNotBlank();
            assertThat(member.get("keyCredentials").isJsonNull()).isTrue();
            member.entrySet().stream()
                    .filter(property -> !property.getKey().equals("@odata.type")
                            && !property.getKey().equals("id"))
                    .forEach(property -> assertThat(property.getValue().isJsonNull())
                            .as(property.getKey())
                            .isTrue());
        });
        assertThat(limitedPrincipals.get(0).has("displayName")).isTrue();
        assertThat(memberReader.values(devices)).isNotEmpty().allSatisfy(member -> assertThat(
                        member.get("displayName").isJsonNull())
                .isTrue());
        // demoApp has Application.Read.All but not Device.Read.All
        assertThat(demoApp.values(automation))
                .allSatisfy(
                        member -> assertThat(member.get("appId").getAsString()).isNotBlank());
        assertThat(demoApp.values(devices))
                .allSatisfy(member ->
                        assertThat(member.get("deviceId").isJsonNull()).isTrue());
        assertThat(reader.values(devices))
                .allSatisfy(member ->
                        assertThat(member.get("deviceId").getAsString()).isNotBlank());
        // users and groups, which demoApp may read, come whole
        assertThat(demoApp.values("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members"))
                .allSatisfy(member ->
                        assertThat(member.get("displayName").getAsString()).isNotBlank());
    }

    @Test
    void listsOwnersAndEmptyRelationships() {
        List<JsonObject> owners = reader.values("groups/" + DemoSeed.PROJECT_FALCON_GROUP_ID + "/owners");
        assertThat(owners)
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.get("@odata.type").getAsString()).isEqualTo("#microsoft.graph.user"));
        assertThat(reader.values("groups/" + DemoSeed.OWNERLESS_GROUP_ID + "/owners"))
                .isEmpty();
        assertThat(reader.values("groups/" + DemoSeed.EMPTY_GROUP_ID + "/members"))
                .isEmpty();
        assertThat(reader.ok("groups/" + DemoSeed.EMPTY_GROUP_ID + "/members").has("@odata.nextLink"))
                .isFalse();
    }

    @Test
    void showsCredentialsExpiringSoonExpiredAndFarOut() {
        Instant now = Instant.now();
        JsonObject hrSync = reader.ok("applications(appId='" + DemoSeed.HR_SYNC_APP_ID + "')");
        assertThat(hrSync.get("displayName").getAsString()).isEqualTo("Contoso HR Sync");
        JsonObject certificate = hrSync.getAsJsonArray("keyCredentials").get(0).getAsJsonObject();
        assertThat(certificate.keySet())
                .containsExactly(
                        "customKeyIdentifier",
                        "displayName",
                        "endDateTime",
                        "key",
                        "keyId",
                        "startDateTime",
                        "type",
                        "usage");
        assertThat(certificate.get("type").getAsString()).isEqualTo("AsymmetricX509Cert");
        assertThat(certificate.get("usage").getAsString()).isEqualTo("Verify");
        assertThat(certificate.get("displayName").getAsString()).isEqualTo("CN=Contoso HR Sync");
        assertThat(certificate.get("customKeyIdentifier").getAsString()).matches("[0-9A-F]{40}");
        assertThat(certificate.get("key").isJsonNull()).isTrue();
        assertThat(Instant.parse(certificate.get("endDateTime").getAsString()))
                .isBetween(now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(30)));

        JsonObject payroll = reader.ok("applications(appId='" + DemoSeed.PAYROLL_APP_ID + "')");
        JsonObject secret = payroll.getAsJsonArray("passwordCredentials").get(0).getAsJsonObject();
        assertThat(secret.keySet())
                .containsExactly(
                        "customKeyIdentifier",
                        "displayName",
                        "endDateTime",
                        "hint",
                        "keyId",
                        "secretText",
                        "startDateTime");
        assertThat(secret.get("secretText").isJsonNull()).isTrue();
        assertThat(Instant.parse(secret.get("endDateTime").getAsString())).isBefore(now);

        JsonObject backup = reader.ok("applications(appId='" + DemoSeed.BACKUP_APP_ID + "')");
        assertThat(Instant.parse(backup.getAsJsonArray("keyCredentials")
                        .get(0)
                        .getAsJsonObject()
                        .get("endDateTime")
                        .getAsString()))
                .isAfter(now.plus(Duration.ofDays(365)));

        // the demo app's real certificate, with the thumbprint the portal shows
        JsonObject demoApplication = reader.ok("applications/" + DemoSeed.APPLICATION_OBJECT_ID);
        assertThat(demoApplication
                        .getAsJsonArray("keyCredentials")
                        .get(0)
                        .getAsJsonObject()
                        .get("customKeyIdentifier")
                        .getAsString())
                .isEqualTo(emulator.demo().thumbprintSha1Hex());
        assertThat(demoApplication
                        .getAsJsonArray("passwordCredentials")
                        .get(0)
                        .getAsJsonObject()
                        .get("hint")
                        .getAsString())
                .isEqualTo(emulator.demo().clientSecret().substring(0, 3));
    }

    @Test
    void resolvesAppRoleAssignmentsToPermissionNamesThroughGraphsAppRoles() {
        JsonObject graph = reader.values("servicePrincipals?$filter=appId eq '" + FirstPartyApis.MICROSOFT_GRAPH_APP_ID
                        + "'&$select=id,displayName,appRoles")
                .get(0);
        assertThat(graph.get("displayName").getAsString()).isEqualTo("Microsoft Graph");
        Map<String, String> roleNames = GraphCalls.objects(graph.getAsJsonArray("appRoles")).stream()
                .collect(Collectors.toMap(
                        r -> r.get("id").getAsString(), r -> r.get("value").getAsString()));
        assertThat(roleNames).containsEntry("df021288-bdef-4463-88db-98f22de89214", "User.Read.All");

        List<JsonObject> assignments =
                reader.values("servicePrincipals(appId='" + emulator.demo().clientId() + "')/appRoleAssignments");
        assertThat(assignments).allSatisfy(a -> {
            assertThat(a.get("principalId").getAsString()).isEqualTo(DemoSeed.SERVICE_PRINCIPAL_OBJECT_ID);
            assertThat(a.get("resourceId").getAsString())
                    .isEqualTo(graph.get("id").getAsString());
            assertThat(a.get("resourceDisplayName").getAsString()).isEqualTo("Microsoft Graph");
            assertThat(a.get("principalType").getAsString()).isEqualTo("ServicePrincipal");
        });
        assertThat(assignments.stream()
                        .map(a -> roleNames.get(a.get("appRoleId").getAsString())))
                .containsExactlyInAnyOrderElementsOf(emulator.demo().roles());

        List<String> grantedTo = strings(
                reader.all("servicePrincipals/" + graph.get("id").getAsString() + "/appRoleAssignedTo", Map.of()),
                "principalId");
        assertThat(grantedTo).contains(DemoSeed.SERVICE_PRINCIPAL_OBJECT_ID);
    }

    @Test
    void readsSignInActivityOnlyWithAuditLogReadAll() {
        error(demoApp.get("users?$select=displayName,signInActivity"), 403, "Authorization_RequestDenied");
        error(
                demoApp.get("users?$filter=signInActivity/lastSignInDateTime le 2025-01-01T00:00:00Z"),
                403,
                "Authorization_RequestDenied");

        Instant cutoff = Instant.now().minus(Duration.ofDays(90));
        List<JsonObject> stale = reader.all(
                "users?$filter=signInActivity/lastSignInDateTime le "
                        + cutoff.toString().substring(0, 19) + "Z" + "&$select=id,userType,signInActivity",
                Map.of());
        assertThat(stale).isNotEmpty().allSatisfy(u -> assertThat(Instant.parse(u.getAsJsonObject("signInActivity")
                        .get("lastSignInDateTime")
                        .getAsString()))
                .isBefore(cutoff));
        assertThat(stale)
                .anySatisfy(u -> assertThat(u.get("userType").getAsString()).isEqualTo("Guest"));
        List<JsonObject> never = reader.all(
                "users?$filter=signInActivity/lastSignInDateTime eq null&$select=id,signInActivity", Map.of());
        assertThat(never).isNotEmpty();
        assertThat(strings(never, "id")).doesNotContainAnyElementsOf(strings(stale, "id"));

        // Graph: at most 120 users a page with signInActivity; not combinable with other properties
        assertThat(reader.values("users?$top=999&$select=id,signInActivity")).hasSize(120);
        error(
                reader.get(
                        "users?$filter=userType eq 'Guest' and signInActivity/lastSignInDateTime le 2025-01-01T00:00:00Z"),
                400,
                "Request_UnsupportedQuery");
    }

    @Test
    void selectsPropertiesOnEveryResource() {
        assertThat(reader.values("groups?$select=displayName,groupTypes&$top=1")
                        .get(0)
                        .keySet())
                .containsExactly("displayName", "groupTypes");
        assertThat(reader.values("applications?$select=appId&$top=1").get(0).keySet())
                .containsExactly("appId");
        assertThat(reader.values("servicePrincipals?$select=appId,displayName&$top=1")
                        .get(0)
                        .keySet())
                .containsExactly("appId", "displayName");
        assertThat(reader.values("devices?$select=displayName,operatingSystem&$top=1")
                        .get(0)
                        .keySet())
                .containsExactly("displayName", "operatingSystem");
        JsonObject members =
                reader.ok("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members?$select=id,userPrincipalName");
        assertThat(members.get("@odata.context").getAsString())
                .isEqualTo(root + "/$metadata#directoryObjects(id,userPrincipalName)");
        assertThat(GraphCalls.objects(members.getAsJsonArray("value")))
                .anySatisfy(m -> assertThat(m.keySet()).containsExactly("@odata.type", "id", "userPrincipalName"))
                .anySatisfy(m -> assertThat(m.keySet()).containsExactly("@odata.type", "id")); // the nested group
        error(reader.get("groups?$select=nope"), 400, "Request_BadRequest");
    }

    @Test
    void expandsMembersAtMostTwentyAndManagers() {
        JsonObject group = reader.values("groups?$filter=displayName eq 'Company Announcements'&$expand=members")
                .get(0);
        assertThat(group.getAsJsonArray("members")).hasSize(20);
        JsonObject admins = reader.ok("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "?$expand=members($select=id)");
        Set<String> expanded = new HashSet<>();
        for (JsonElement member : admins.getAsJsonArray("members")) {
            expanded.add(member.getAsJsonObject().get("id").getAsString());
        }
        assertThat(expanded)
                .isEqualTo(new HashSet<>(
                        strings(reader.values("groups/" + DemoSeed.IT_ADMINS_GROUP_ID + "/members"), "id")));
        List<JsonObject> users = reader.values("users?$top=3&$select=id&$expand=manager($select=id)");
        assertThat(users.get(0).get("manager").isJsonNull()).isTrue();
        assertThat(users.get(1).getAsJsonObject("manager").get("id").getAsString())
                .isEqualTo(objects.users().get(0).id());

        assertThat(message(reader.get("users?$expand=displayName"), 400, "BadRequest"))
                .isEqualTo("Property 'displayName' on type 'microsoft.graph.user' is not a navigation property or"
                        + " complex property. Only navigation properties can be expanded.");
        error(reader.get("users?$expand=widgets"), 400, "BadRequest");
    }

    @Test
    void readsAnyObjectThroughDirectoryObjectsAndDevicesNeedTheirRole() {
        JsonObject group = reader.ok("directoryObjects/" + DemoSeed.HELPDESK_GROUP_ID);
        assertThat(group.get("@odata.type").getAsString()).isEqualTo("#microsoft.graph.group");
        assertThat(group.get("displayName").getAsString()).isEqualTo("Helpdesk");
        error(demoApp.get("devices"), 403, "Authorization_RequestDenied");
        error(demoApp.get("directoryObjects/" + DemoSeed.HELPDESK_GROUP_ID), 403, "Authorization_RequestDenied");
        assertThat(demoApp.values("groups?$top=1")).hasSize(1);
        assertThat(demoApp.values("applications?$top=1")).hasSize(1);
    }

    private static int count(String collectionAndFilter) {
        String path = collectionAndFilter.contains("?")
                ? collectionAndFilter.replace("?", "/$count?")
                : collectionAndFilter + "/$count";
        java.net.http.HttpResponse<String> response = reader.get(path, EVENTUAL);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        return Integer.parseInt(response.body().strip());
    }
}

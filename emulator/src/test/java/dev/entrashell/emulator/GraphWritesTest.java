package dev.entrashell.emulator;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.entrashell.emulator.demo.DemoSeed;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.directory.TenantObjects;
import dev.entrashell.emulator.directory.User;
import dev.entrashell.emulator.testing.EmulatorTest;
import dev.entrashell.emulator.tls.Certificates;
import dev.entrashell.emulator.tls.RsaKeys;
import dev.entrashell.emulator.tls.Thumbprints;

import static dev.entrashell.emulator.GraphCalls.error;
import static dev.entrashell.emulator.GraphCalls.message;
import static dev.entrashell.emulator.GraphCalls.objects;
import static dev.entrashell.emulator.GraphCalls.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating, changing and deleting users, groups, memberships and applications, with Graph's checks. */
@EmulatorTest(users = 60)
class GraphWritesTest {
    private static final String DOMAIN = "contosodemo.onmicrosoft.com";
    private static final String PASSWORD = "{\"password\":\"Str0ng-Passw0rd!\",\"forceChangePasswordNextSignIn\":true}";

    private static Emulator emulator;
    private static TestClient client;
    private static GraphCalls readOnly;
    private static GraphCalls userAdmin;
    private static GraphCalls directoryAdmin;
    private static GraphCalls groupAdmin;
    private static GraphCalls memberAdmin;
    private static GraphCalls appAdmin;
    private static TenantObjects objects;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient(emulator.caCertificate());
        readOnly = GraphCalls.withRoles(
                emulator, client, "User.Read.All", "Organization.Read.All", "Group.Read.All", "Application.Read.All");
        userAdmin = GraphCalls.withRoles(emulator, client, "User.ReadWrite.All");
        directoryAdmin = GraphCalls.withRoles(emulator, client, "Directory.ReadWrite.All");
        groupAdmin = GraphCalls.withRoles(emulator, client, "Group.ReadWrite.All", "User.Read.All");
        memberAdmin = GraphCalls.withRoles(emulator, client, "GroupMember.ReadWrite.All");
        appAdmin = GraphCalls.withRoles(emulator, client, "Application.ReadWrite.All");
        objects = emulator.directory().objects(emulator.demo().tenantId());
    }

    // ---- users -----------------------------------------------------------------------------------

    @Test
    void createsAUserWith201LocationAndTheObject() {
        String upn = "new.hire." + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        HttpResponse<String> created = userAdmin.post("users", user("New Hire", "newhire", upn));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject body = TestClient.json(created);
        String id = body.get("id").getAsString();
        assertThat(body.get("@odata.context").getAsString()).endsWith("/v1.0/$metadata#users/$entity");
        assertThat(body.get("displayName").getAsString()).isEqualTo("New Hire");
        assertThat(body.get("userPrincipalName").getAsString()).isEqualTo(upn);
        assertThat(body.has("passwordProfile")).isFalse();
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .isEqualTo(emulator.graphEndpoint() + "/v2/" + emulator.demo().tenantId() + "/directoryObjects/" + id
                        + "/Microsoft.DirectoryServices.User");
        assertThat(readOnly.ok("users/" + upn).get("id").getAsString()).isEqualTo(id);
        assertThat(directoryAdmin
                        .post("users", user("Second", "second", "second." + UUID.randomUUID() + "@" + DOMAIN))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void refusesInvalidUsersAsGraphDoes() {
        String upn = "x." + UUID.randomUUID() + "@" + DOMAIN;
        for (String missing :
                List.of("displayName", "mailNickname", "userPrincipalName", "passwordProfile", "accountEnabled")) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("accountEnabled", "true");
            fields.put("displayName", "\"X\"");
            fields.put("mailNickname", "\"x\"");
            fields.put("userPrincipalName", "\"" + upn + "\"");
            fields.put("passwordProfile", PASSWORD);
            fields.remove(missing);
            assertThat(message(userAdmin.post("users", json(fields)), 400, "Request_BadRequest"))
                    .isEqualTo("Invalid value specified for property '" + missing + "' of resource 'User'.");
        }
        assertThat(message(userAdmin.post("users", user("X", "x", "x@fabrikam.com")), 400, "Request_BadRequest"))
                .isEqualTo("The domain portion of the userPrincipalName property is invalid. You must use one of the"
                        + " verified domain names in your organization.");
        String taken = objects.users().get(3).userPrincipalName();
        assertThat(message(userAdmin.post("users", user("X", "x", taken)), 400, "Request_BadRequest"))
                .isEqualTo("Another object with the same value for property userPrincipalName already exists.");
        assertThat(message(
                        userAdmin.post("users", user("X", "x", upn).replace("Str0ng-Passw0rd!", "password")),
                        400,
                        "Request_BadRequest"))
                .isEqualTo("The specified password does not comply with password complexity requirements. Please"
                        + " provide a different password.");
        assertThat(message(userAdmin.post("users", user("X", "x y", upn)), 400, "Request_BadRequest"))
                .isEqualTo("Invalid value specified for property 'mailNickname' of resource 'User'.");
        assertThat(message(
                        userAdmin.post("users", user("X", "x", upn).replace("{", "{\"shoeSize\":44,")),
                        400,
                        "BadRequest"))
                .startsWith("The property 'shoeSize' does not exist on type 'microsoft.graph.user'.");
        assertThat(message(
                        userAdmin.post(
                                "users",
                                user("X", "x", upn).replace("\"accountEnabled\":true", "\"accountEnabled\":\"yes\"")),
                        400,
                        "BadRequest"))
                .isEqualTo("Cannot convert the literal 'yes' to the expected type 'Edm.Boolean'.");
        error(userAdmin.post("users", "not json"), 400, "BadRequest");
        error(
                userAdmin.post("users", user("X", "x", upn).replace("{", "{\"id\":\"" + UUID.randomUUID() + "\",")),
                400,
                "Request_BadRequest");
    }

    @Test
    void refusesAJsonBodyWithoutAJsonContentTypeAsGraphDoes() {
        String body = user("No Type", "notype", "notype." + UUID.randomUUID() + "@" + DOMAIN);
        for (String contentType : new String[] {null, "text/plain", "application/x-www-form-urlencoded"}) {
            assertThat(message(userAdmin.postAs("users", body, contentType), 400, "BadRequest"))
                    .as(String.valueOf(contentType))
                    .isEqualTo("Unable to read JSON request payload. Please ensure Content-Type header is set and"
                            + " payload is of valid JSON format.");
        }
        assertThat(userAdmin
                        .postAs("users", body, "application/json; charset=utf-8")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void updatesAndDeletesUsers() {
        User target = createUser("Patch Me");
        assertThat(userAdmin
                        .patch(
                                "users/" + target.id(),
                                "{\"jobTitle\":\"Director\",\"department\":\"Legal\"," + "\"accountEnabled\":false}")
                        .statusCode())
                .isEqualTo(204);
        JsonObject changed = readOnly.ok("users/" + target.id() + "?$select=jobTitle,department,accountEnabled");
        assertThat(changed.get("jobTitle").getAsString()).isEqualTo("Director");
        assertThat(changed.get("department").getAsString()).isEqualTo("Legal");
        assertThat(changed.get("accountEnabled").getAsBoolean()).isFalse();
        error(userAdmin.patch("users/" + target.id(), "{\"displayName\":null}"), 400, "Request_BadRequest");
        error(
                userAdmin.patch("users/" + target.id(), "{\"userPrincipalName\":\"a@b.example\"}"),
                400,
                "Request_BadRequest");
        error(userAdmin.patch("users/" + UUID.randomUUID(), "{\"jobTitle\":\"X\"}"), 404, "Request_ResourceNotFound");

        // deleting a user removes it from its groups, seen from both sides
        assertThat(groupAdmin
                        .post("groups/" + DemoSeed.EMPTY_GROUP_ID + "/members/$ref", ref(target.id()))
                        .statusCode())
                .isEqualTo(204);
        assertThat(strings(readOnly.values("groups/" + DemoSeed.EMPTY_GROUP_ID + "/members"), "id"))
                .contains(target.id());
        assertThat(userAdmin.delete("users/" + target.id()).statusCode()).isEqualTo(204);
        error(readOnly.get("users/" + target.id()), 404, "Request_ResourceNotFound");
        error(userAdmin.delete("users/" + target.id()), 404, "Request_ResourceNotFound");
        assertThat(strings(readOnly.values("groups/" + DemoSeed.EMPTY_GROUP_ID + "/members"), "id"))
                .doesNotContain(target.id());
    }

    @Test
    void needsAWriteRoleForEachKindOfObject() {
        String upn = "denied." + UUID.randomUUID() + "@" + DOMAIN;
        for (GraphCalls caller : List.of(readOnly, groupAdmin, memberAdmin, appAdmin)) {
            assertThat(message(caller.post("users", user("D", "d", upn)), 403, "Authorization_RequestDenied"))
                    .isEqualTo("Insufficient privileges to complete the operation.");
        }
        String someone = objects.users().get(5).id();
        error(readOnly.patch("users/" + someone, "{\"jobTitle\":\"X\"}"), 403, "Authorization_RequestDenied");
        error(readOnly.delete("users/" + someone), 403, "Authorization_RequestDenied");
        error(userAdmin.post("groups", group("G", "g")), 403, "Authorization_RequestDenied");
        error(memberAdmin.post("groups", group("G", "g")), 403, "Authorization_RequestDenied");
        error(readOnly.post("applications", "{\"displayName\":\"A\"}"), 403, "Authorization_RequestDenied");
        error(directoryAdmin.post("applications", "{\"displayName\":\"A\"}"), 403, "Authorization_RequestDenied");
        error(
                readOnly.post("groups/" + DemoSeed.EMPTY_GROUP_ID + "/members/$ref", ref(someone)),
                403,
                "Authorization_RequestDenied");
        // the role check comes before the body is read
        error(readOnly.post("users", "not json"), 403, "Authorization_RequestDenied");
    }

    // ---- groups and members ----------------------------------------------------------------------

    @Test
    void createsSecurityAndMicrosoft365GroupsAndRefusesMailEnabledSecurityGroups() {
        HttpResponse<String> security = groupAdmin.post("groups", group("Build Agents", "buildagents"));
        assertThat(security.statusCode()).as(security.body()).isEqualTo(201);
        JsonObject created = TestClient.json(security);
        assertThat(created.get("securityEnabled").getAsBoolean()).isTrue();
        assertThat(created.get("mail").isJsonNull()).isTrue();
        assertThat(security.headers().firstValue("Location").orElseThrow())
                .endsWith(
                        "/directoryObjects/" + created.get("id").getAsString() + "/Microsoft.DirectoryServices.Group");

        String owner = objects.users().get(1).id();
        HttpResponse<String> unified = groupAdmin.post(
                "groups",
                "{\"displayName\":\"Design Guild\","
                        + "\"mailEnabled\":true,\"mailNickname\":\"designguild\",\"securityEnabled\":false,"
                        + "\"groupTypes\":[\"Unified\"],\"owners@odata.bind\":[\"https://graph.microsoft.com/v1.0/users/"
                        + owner + "\"]}");
        assertThat(unified.statusCode()).as(unified.body()).isEqualTo(201);
        JsonObject guild = TestClient.json(unified);
        assertThat(guild.get("mail").getAsString()).isEqualTo("designguild@" + DOMAIN);
        assertThat(guild.get("visibility").getAsString()).isEqualTo("Public");
        assertThat(strings(readOnly.values("groups/" + guild.get("id").getAsString() + "/owners"), "id"))
                .containsExactly(owner);

        assertThat(message(
                        groupAdmin.post(
                                "groups",
                                "{\"displayName\":\"Mail Sec\",\"mailEnabled\":true,"
                                        + "\"mailNickname\":\"mailsec\",\"securityEnabled\":true}"),
                        400,
                        "Request_BadRequest"))
                .isEqualTo("The service does not currently support writes of mail-enabled groups. Please ensure that"
                        + " the mail-enablement property is unset or is set to false.");
        assertThat(message(
                        groupAdmin.post(
                                "groups",
                                "{\"displayName\":\"No Nick\",\"mailEnabled\":false," + "\"securityEnabled\":true}"),
                        400,
                        "Request_BadRequest"))
                .isEqualTo("Invalid value specified for property 'mailNickname' of resource 'Group'.");

        String id = created.get("id").getAsString();
        assertThat(groupAdmin
                        .patch("groups/" + id, "{\"description\":\"CI machines\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(readOnly.ok("groups/" + id).get("description").getAsString()).isEqualTo("CI machines");
        assertThat(groupAdmin.delete("groups/" + id).statusCode()).isEqualTo(204);
        error(readOnly.get("groups/" + id), 404, "Request_ResourceNotFound");
    }

    @Test
    void addsAndRemovesMembersByReferenceKeepingBothSidesInStep() {
        String group = TestClient.json(groupAdmin.post("groups", group("Ref Test", "reftest")))
                .get("id")
                .getAsString();
        String alice = objects.users().get(10).id();
        String bob = objects.users().get(11).id();

        assertThat(memberAdmin
                        .post("groups/" + group + "/members/$ref", ref(alice))
                        .statusCode())
                .isEqualTo(204);
        String ownUrl = "{\"@odata.id\":\"" + emulator.graphEndpoint() + "/v1.0/directoryObjects/" + bob + "\"}";
        assertThat(memberAdmin.post("groups/" + group + "/members/$ref", ownUrl).statusCode())
                .isEqualTo(204);
        assertThat(memberAdmin
                        .post("groups/" + group + "/members/$ref", ref(DemoSeed.HELPDESK_GROUP_ID))
                        .statusCode())
                .isEqualTo(204);

        assertThat(strings(readOnly.values("groups/" + group + "/members"), "id"))
                .containsExactly(alice, bob, DemoSeed.HELPDESK_GROUP_ID);
        // a user's memberOf needs a Directory-class role (Group.Read.All is not enough): Microsoft's map
        assertThat(strings(directoryAdmin.values("users/" + alice + "/memberOf"), "id"))
                .contains(group);
        assertThat(strings(readOnly.values("groups/" + DemoSeed.HELPDESK_GROUP_ID + "/memberOf"), "id"))
                .contains(group);
        assertThat(strings(readOnly.all("groups/" + group + "/transitiveMembers", Map.of()), "id"))
                .containsAll(strings(readOnly.values("groups/" + DemoSeed.HELPDESK_GROUP_ID + "/members"), "id"));

        assertThat(message(
                        memberAdmin.post("groups/" + group + "/members/$ref", ref(alice)), 400, "Request_BadRequest"))
                .isEqualTo("One or more added object references already exist for the following modified"
                        + " properties: 'members'.");
        String nobody = UUID.randomUUID().toString();
        error(memberAdmin.post("groups/" + group + "/members/$ref", ref(nobody)), 404, "Request_ResourceNotFound");
        error(
                memberAdmin.post(
                        "groups/" + group + "/members/$ref",
                        "{\"@odata.id\":\"https://evil.example/v1.0/" + "directoryObjects/" + alice + "\"}"),
                400,
                "Request_BadRequest");
        assertThat(message(
                        memberAdmin.post(
                                "groups/" + group + "/members/$ref",
                                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/not-a-guid\"}"),
                        400,
                        "Request_BadRequest"))
                .isEqualTo("Invalid object identifier 'not-a-guid'.");
        error(memberAdmin.post("groups/" + nobody + "/members/$ref", ref(alice)), 404, "Request_ResourceNotFound");

        assertThat(memberAdmin
                        .delete("groups/" + group + "/members/" + alice + "/$ref")
                        .statusCode())
                .isEqualTo(204);
        error(memberAdmin.delete("groups/" + group + "/members/" + alice + "/$ref"), 404, "Request_ResourceNotFound");
        assertThat(strings(directoryAdmin.values("users/" + alice + "/memberOf"), "id"))
                .doesNotContain(group);
        assertThat(strings(readOnly.values("groups/" + group + "/members"), "id"))
                .containsExactly(bob, DemoSeed.HELPDESK_GROUP_ID);

        assertThat(groupAdmin.post("groups/" + group + "/owners/$ref", ref(bob)).statusCode())
                .isEqualTo(204);
        error(groupAdmin.post("groups/" + group + "/owners/$ref", ref(bob)), 400, "Request_BadRequest");
        assertThat(strings(readOnly.values("groups/" + group + "/owners"), "id"))
                .containsExactly(bob);
        assertThat(groupAdmin
                        .delete("groups/" + group + "/owners/" + bob + "/$ref")
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void concurrentWritesStayConsistent() throws Exception {
        String group = TestClient.json(groupAdmin.post("groups", group("Busy Group", "busygroup")))
                .get("id")
                .getAsString();
        List<User> people = objects.users().subList(0, 40);
        String upn = "race." + UUID.randomUUID() + "@" + DOMAIN;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> adds = new ArrayList<>();
            for (User person : people) {
                adds.add(pool.submit(() -> memberAdmin
                        .post("groups/" + group + "/members/$ref", ref(person.id()))
                        .statusCode()));
            }
            List<Future<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                creates.add(pool.submit(
                        () -> userAdmin.post("users", user("Race", "race", upn)).statusCode()));
            }
            for (Future<Integer> add : adds) {
                assertThat(add.get()).isEqualTo(204);
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> create : creates) {
                statuses.add(create.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(strings(readOnly.all("groups/" + group + "/members?$top=7", Map.of()), "id"))
                .containsExactlyInAnyOrderElementsOf(
                        people.stream().map(User::id).toList());
        for (User person : people) {
            assertThat(objects.memberOf(person.id())).extracting(g -> g.id()).contains(group);
        }
    }

    // ---- applications ----------------------------------------------------------------------------

    @Test
    void createsUpdatesAndDeletesApplications() {
        HttpResponse<String> created = appAdmin.post(
                "applications",
                "{\"displayName\":\"Inventory API\"," + "\"signInAudience\":\"AzureADMyOrg\",\"tags\":[\"internal\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject app = TestClient.json(created);
        String id = app.get("id").getAsString();
        assertThat(app.get("appId").getAsString()).matches("[0-9a-f-]{36}").isNotEqualTo(id);
        assertThat(app.getAsJsonArray("keyCredentials")).isEmpty();
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith("/Microsoft.DirectoryServices.Application");

        assertThat(appAdmin.patch("applications/" + id, "{\"displayName\":\"Inventory API v2\",\"notes\":\"x\"}")
                        .statusCode())
                .isEqualTo(204);
        JsonObject read = readOnly.ok("applications/" + id);
        assertThat(read.get("displayName").getAsString()).isEqualTo("Inventory API v2");
        assertThat(read.get("notes").getAsString()).isEqualTo("x");
        assertThat(message(appAdmin.post("applications", "{\"description\":\"nameless\"}"), 400, "Request_BadRequest"))
                .isEqualTo("Invalid value specified for property 'displayName' of resource 'Application'.");
        error(appAdmin.patch("applications/" + id, "{\"signInAudience\":\"Everyone\"}"), 400, "Request_BadRequest");

        JsonObject secret = TestClient.json(appAdmin.post(
                "applications/" + id + "/addPassword", "{\"passwordCredential\":{\"displayName\":\"ci\"}}"));
        assertThat(secret.get("secretText").getAsString()).hasSize(40);
        assertThat(secret.get("hint").getAsString())
                .isEqualTo(secret.get("secretText").getAsString().substring(0, 3));
        JsonObject listed = readOnly.ok("applications/" + id + "?$select=passwordCredentials")
                .getAsJsonArray("passwordCredentials")
                .get(0)
                .getAsJsonObject();
        assertThat(listed.get("keyId").getAsString())
                .isEqualTo(secret.get("keyId").getAsString());
        assertThat(listed.get("secretText").isJsonNull()).isTrue();

        assertThat(appAdmin.delete("applications/" + id).statusCode()).isEqualTo(204);
        error(readOnly.get("applications/" + id), 404, "Request_ResourceNotFound");
    }

    @Test
    void aSecretAddedThroughGraphWorksAtTheTokenEndpointUntilRemoved() {
        String clientId = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        emulator.demo().tenantId(),
                        AppRegistration.of(
                                clientId,
                                "Rotating App",
                                List.of(),
                                List.of("old-secret"),
                                java.util.Set.of("User.Read.All")));
        JsonObject application = readOnly.values("applications?$filter=appId eq '" + clientId + "'")
                .get(0);
        String id = application.get("id").getAsString();
        assertThat(application.getAsJsonArray("passwordCredentials")).hasSize(1);

        JsonObject added = TestClient.json(appAdmin.post("applications/" + id + "/addPassword", "{}"));
        String newSecret = added.get("secretText").getAsString();
        String token = GraphTest.secretToken(emulator, client, clientId, newSecret);
        assertThat(new GraphCalls(emulator, client, token).values("users?$top=1"))
                .hasSize(1);

        String oldKeyId = application
                .getAsJsonArray("passwordCredentials")
                .get(0)
                .getAsJsonObject()
                .get("keyId")
                .getAsString();
        assertThat(appAdmin.post("applications/" + id + "/removePassword", "{\"keyId\":\"" + oldKeyId + "\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> refused = client.postForm(
                emulator.tokenEndpoint(emulator.demo().tenantId()),
                Map.of(
                        "grant_type", "client_credentials",
                        "client_id", clientId,
                        "client_secret", "old-secret",
                        "scope", "https://graph.microsoft.com/.default"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(readOnly.ok("applications/" + id).getAsJsonArray("passwordCredentials"))
                .hasSize(1);
        error(
                appAdmin.post("applications/" + id + "/removePassword", "{\"keyId\":\"" + oldKeyId + "\"}"),
                400,
                "Request_BadRequest");

        // deleting the application object ends its sign-ins too
        assertThat(appAdmin.delete("applications/" + id).statusCode()).isEqualTo(204);
        assertThat(emulator.directory().application(emulator.demo().tenantId(), clientId))
                .isEmpty();
        error(readOnly.get("servicePrincipals(appId='" + clientId + "')"), 404, "Request_ResourceNotFound");
    }

    /**
     * PATCH keyCredentials as Graph takes it (key: the certificate's DER in base64, AsymmetricX509Cert,
     * Verify): the collection replaces the app's certificates, entries with only a keyId keep theirs, and
     * a certificate set this way signs in at once while a removed one no longer does.
     */
    @Test
    void aSeededAppSignsInAsEntraWouldWithASecretAddedThroughGraph() {
        String tenant = emulator.demo().tenantId();
        String clientId = DemoSeed.HR_SYNC_APP_ID;
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", "not-its-secret",
                "scope", "https://graph.microsoft.com/.default"));
        // Known to the tenant, so a wrong secret is a wrong secret, not an unknown app (700016).
        AadErrorAssert.assertAadError(
                client.postForm(emulator.tokenEndpoint(tenant), form), 401, "invalid_client", 7000215);

        String id = readOnly.values("applications?$filter=appId eq '" + clientId + "'")
                .get(0)
                .get("id")
                .getAsString();
        JsonObject added = TestClient.json(appAdmin.post("applications/" + id + "/addPassword", "{}"));
        String token = GraphTest.secretToken(
                emulator, client, clientId, added.get("secretText").getAsString());
        assertThat(TestJwt.claims(token).get("appid").getAsString()).isEqualTo(clientId);
        assertThat(TestJwt.claims(token).getAsJsonArray("roles").asList().stream()
                        .map(role -> role.getAsString())
                        .toList())
                .containsExactlyInAnyOrder("User.ReadWrite.All", "Group.Read.All");
        assertThat(new GraphCalls(emulator, client, token).values("users?$top=1"))
                .hasSize(1);

        assertThat(appAdmin.post(
                                "applications/" + id + "/removePassword",
                                "{\"keyId\":\"" + added.get("keyId").getAsString() + "\"}")
                        .statusCode())
                .isEqualTo(204);
        form.put("client_secret", added.get("secretText").getAsString());
        AadErrorAssert.assertAadError(
                client.postForm(emulator.tokenEndpoint(tenant), form), 401, "invalid_client", 7000215);
    }

    @Test
    void certificatesSetThroughGraphSignInAtOnceAndReplaceTheOthers() {
        String clientId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        KeyPair oldKeys = RsaKeys.generate();
        KeyPair newKeys = RsaKeys.generate();
        X509Certificate oldCertificate = Certificates.selfSignedClient(
                oldKeys, "Old Cert", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        X509Certificate newCertificate = Certificates.selfSignedClient(
                newKeys, "New Cert", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        emulator.directory()
                .registerApplication(
                        emulator.demo().tenantId(),
                        AppRegistration.of(
                                clientId,
                                "Certificate Rotation",
                                List.of(oldCertificate),
                                List.of(),
                                java.util.Set.of("User.Read.All")));
        JsonObject application = readOnly.values("applications?$filter=appId eq '" + clientId + "'")
                .get(0);
        String id = application.get("id").getAsString();
        String oldKeyId = application
                .getAsJsonArray("keyCredentials")
                .get(0)
                .getAsJsonObject()
                .get("keyId")
                .getAsString();
        assertThat(CertificateSignIns.token(emulator, client, clientId, newCertificate, newKeys)
                        .statusCode())
                .isEqualTo(401);

        String keep = "{\"keyId\":\"" + oldKeyId + "\",\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\"}";
        assertThat(appAdmin.patch(
                                "applications/" + id,
                                "{\"keyCredentials\":[" + keep + "," + CertificateSignIns.keyCredential(newCertificate)
                                        + "]}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(strings(objects(readOnly.ok("applications/" + id).getAsJsonArray("keyCredentials")), "displayName"))
                .containsExactlyInAnyOrder("CN=Old Cert", "CN=New Cert");
        assertThat(CertificateSignIns.token(emulator, client, clientId, newCertificate, newKeys)
                        .statusCode())
                .isEqualTo(200);
        assertThat(CertificateSignIns.token(emulator, client, clientId, oldCertificate, oldKeys)
                        .statusCode())
                .isEqualTo(200);

        assertThat(appAdmin.patch(
                                "applications/" + id,
                                "{\"keyCredentials\":[" + CertificateSignIns.keyCredential(newCertificate) + "]}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(CertificateSignIns.token(emulator, client, clientId, oldCertificate, oldKeys)
                        .body())
                .contains("AADSTS700027");
        assertThat(CertificateSignIns.token(emulator, client, clientId, newCertificate, newKeys)
                        .statusCode())
                .isEqualTo(200);

        String base64Url = CertificateSignIns.keyCredential(newCertificate)
                .replace('/', '_')
                .replace('+', '-');
        if (!base64Url.equals(CertificateSignIns.keyCredential(newCertificate))) {
            assertThat(message(
                            appAdmin.patch("applications/" + id, "{\"keyCredentials\":[" + base64Url + "]}"),
                            400,
                            "BadRequest"))
                    .contains("'Edm.Binary'");
        }
        String notACertificate = "{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\"aGVsbG8=\"}";
        String signing = CertificateSignIns.keyCredential(newCertificate).replace("Verify", "Sign");
        String unknownKeyId = keep.replace(oldKeyId, UUID.randomUUID().toString());
        for (String bad : List.of(notACertificate, signing, unknownKeyId)) {
            assertThat(message(
                            appAdmin.patch("applications/" + id, "{\"keyCredentials\":[" + bad + "]}"),
                            400,
                            "Request_BadRequest"))
                    .as(bad)
                    .isEqualTo("Invalid value specified for property 'keyCredentials' of resource 'Application'.");
        }
        assertThat(CertificateSignIns.token(emulator, client, clientId, newCertificate, newKeys)
                        .statusCode())
                .isEqualTo(200);
        // A 400 changes nothing, not even the properties that were valid.
        String name = readOnly.ok("applications/" + id).get("displayName").getAsString();
        message(
                appAdmin.patch(
                        "applications/" + id,
                        "{\"displayName\":\"Renamed By A Bad Request\",\"keyCredentials\":[" + notACertificate + "]}"),
                400,
                "Request_BadRequest");
        assertThat(readOnly.ok("applications/" + id).get("displayName").getAsString())
                .isEqualTo(name);
        error(readOnly.patch("applications/" + id, "{\"keyCredentials\":[]}"), 403, "Authorization_RequestDenied");

        HttpResponse<String> created = appAdmin.post(
                "applications",
                "{\"displayName\":\"Born With A Key\",\"keyCredentials\":["
                        + CertificateSignIns.keyCredential(newCertificate) + "]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TestClient.json(created)
                        .getAsJsonArray("keyCredentials")
                        .get(0)
                        .getAsJsonObject()
                        .get("customKeyIdentifier")
                        .getAsString())
                .isEqualTo(Thumbprints.sha1Hex(newCertificate));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static User createUser(String displayName) {
        String upn = "u." + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        HttpResponse<String> created = userAdmin.post("users", user(displayName, "u", upn));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return objects.user(TestClient.json(created).get("id").getAsString()).orElseThrow();
    }

    private static String user(String displayName, String nickname, String upn) {
        return "{\"accountEnabled\":true,\"displayName\":\"" + displayName + "\",\"mailNickname\":\"" + nickname
                + "\",\"userPrincipalName\":\"" + upn + "\",\"passwordProfile\":" + PASSWORD + "}";
    }

    private static String group(String displayName, String nickname) {
        return "{\"displayName\":\"" + displayName + "\",\"mailEnabled\":false,\"mailNickname\":\"" + nickname
                + "\",\"securityEnabled\":true}";
    }

    private static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) ->
                json.append('"').append(name).append("\":").append(value).append(','));
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }
}

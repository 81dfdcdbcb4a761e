package dev.entrashell.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.Emulator;
import dev.entrashell.emulator.demo.DemoTenant;
import dev.entrashell.emulator.directory.AppRegistration;
import dev.entrashell.emulator.faults.Bystander;
import dev.entrashell.emulator.faults.GraphFaults;
import dev.entrashell.emulator.http.ResponseFault;
import dev.entrashell.emulator.testing.EmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token goes to one origin only, the connected Graph endpoint's scheme, host and port, from every
 * HTTP client the shell builds: the CLI verbs, the script helpers, {@code batch} and the SDK's typed
 * {@code graph}. Each is led off the endpoint by the emulator (a next link or a redirect to a second
 * server that the same CA vouches for, on another port of the same host) and the second server must see
 * nothing; the run fails with one line naming where it was asked to go.
 */
@EmulatorTest(users = 40)
class TokenReachIT {
    private static final String SECRET = "reach-" + UUID.randomUUID();
    private static final String PASSWORD = "Pa55-" + UUID.randomUUID();

    private static Emulator emulator;
    private static String connect;

    @TempDir
    static Path home;

    private Bystander bystander;
    private String elsewhere;

    @BeforeAll
    static void start() throws Exception {
        DemoTenant demo = emulator.demo();
        String writer = UUID.randomUUID().toString();
        emulator.directory()
                .registerApplication(
                        demo.tenantId(),
                        AppRegistration.of(
                                writer,
                                "Reach Writer",
                                List.of(),
                                List.of(SECRET),
                                Set.of("User.ReadWrite.All", "Directory.Read.All")));
        Path ca = emulator.writeCaCertificate(home.resolve("ca.pem"));
        Path secret = Files.writeString(home.resolve("secret.txt"), SECRET);
        new ShellProcess(home).addEnvironment(emulator, ca);
        connect = "connect --environment Emu --tenant-id " + demo.tenantId() + " --client-id " + writer
                + " --secret-file " + secret + " --no-welcome";
    }

    @BeforeEach
    void bystander() throws Exception {
        bystander = emulator.startBystander();
        elsewhere = "127.0.0.1:" + bystander.baseUri().getPort();
    }

    @AfterEach
    void behave() {
        emulator.setGraphFault(ResponseFault.NONE);
        bystander.close();
    }

    // ---- a next link to another port of the Graph host

    @Test
    void cliPagingRefusesANextLinkToAnotherPort() throws Exception {
        emulator.setGraphFault(GraphFaults.nextLinkTo(bystander.baseUri()));

        assertRefused(shell().run(connect, "get /users --top 5 --all --output json"), elsewhere);
    }

    @Test
    void cliPagingRefusesANextLinkThatDropsTls() throws Exception {
        emulator.setGraphFault(GraphFaults.nextLinkTo(bystander.plainHttpUri()));

        assertRefused(shell().run(connect, "get /users --top 5 --all --output csv"), elsewhere);
    }

    @Test
    void scriptPagingRefusesANextLinkToAnotherPort() throws Exception {
        emulator.setGraphFault(GraphFaults.nextLinkTo(bystander.baseUri()));

        assertRefused(script("all('/users?$top=5').each { out.println(it.id) }"), elsewhere);
    }

    @Test
    void typedClientsPageIteratorRefusesANextLinkToAnotherPort() throws Exception {
        emulator.setGraphFault(GraphFaults.nextLinkTo(bystander.baseUri()));

        ShellProcess.Result run = script("""
                import com.microsoft.graph.models.User
                import com.microsoft.graph.models.UserCollectionResponse
                import com.microsoft.graph.core.tasks.PageIterator
                def first = graph.users().get { it.queryParameters.top = 5 }
                out.println("first page: ${first.value.size()}")
                new PageIterator.Builder<User, UserCollectionResponse>()
                        .client(graph)
                        .collectionPage(first)
                        .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                        .processPageItemCallback { User user -> true }
                        .build()
                        .iterate()
                """);

        assertThat(run.out()).contains("first page: 5");
        assertRefused(run, elsewhere);
    }

    @Test
    void typedClientRefusesANextLinkFollowedByHand() throws Exception {
        emulator.setGraphFault(GraphFaults.nextLinkTo(bystander.baseUri()));

        ShellProcess.Result run = script("""
                def page = graph.users().get { it.queryParameters.top = 5 }
                out.println("next: ${page.odataNextLink}")
                graph.users().withUrl(page.odataNextLink).get()
                """);

        assertThat(run.out()).contains("next: " + bystander.baseUri());
        assertRefused(run, elsewhere);
    }

    // ---- a redirect off the endpoint, replaying a body that holds a password

    @Test
    void cliRefusesA307OffTheEndpoint() throws Exception {
        redirect("/v1.0/users", 307, bystander.baseUri().resolve("/v1.0/users"));

        assertRefused(shell().run(connect, "post /users --body '" + newUser() + "'"), elsewhere);
    }

    @Test
    void cliRefusesA302ToPlainHttp() throws Exception {
        redirect("/v1.0/organization", 302, bystander.plainHttpUri().resolve("/v1.0/organization"));

        assertRefused(shell().run(connect, "get /organization"), elsewhere);
    }

    @Test
    void scriptHelpersRefuseA307OffTheEndpoint() throws Exception {
        redirect("/v1.0/users", 307, bystander.baseUri().resolve("/v1.0/users"));

        assertRefused(script("post('/users', '" + newUser() + "')"), elsewhere);
    }

    @Test
    void batchRefusesA307OffTheEndpoint() throws Exception {
        redirect("/v1.0/$batch", 307, bystander.baseUri().resolve("/v1.0/$batch"));

        assertRefused(
                script("batch([[method: 'POST', url: '/users', body: [displayName: 'Reach Test',"
                        + " passwordProfile: [password: '" + PASSWORD + "']]]])"),
                elsewhere);
    }

    @Test
    void typedClientRefusesA307OffTheEndpoint() throws Exception {
        redirect("/v1.0/users", 307, bystander.baseUri().resolve("/v1.0/users"));

        ShellProcess.Result run = script("""
                import com.microsoft.graph.models.*
                def user = new User(displayName: 'Reach Test', accountEnabled: true, mailNickname: 'reach',
                        userPrincipalName: 'reach@contosodemo.onmicrosoft.com',
                        passwordProfile: new PasswordProfile(password: '%s'))
                graph.users().post(user)
                """.formatted(PASSWORD));

        assertRefused(run, elsewhere);
    }

    @Test
    void aRedirectWithinTheEndpointIsFollowed() throws Exception {
        redirect("/v1.0/organization", 307, emulator.graphEndpoint().resolve("/beta/organization"));

        ShellProcess.Result cli = shell().run(connect, "get /organization --output json --query '[0].displayName'");
        ShellProcess.Result typed = script("out.println(graph.organization().get().value[0].displayName)");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains(emulator.demo().organizationName());
        assertThat(typed.exitCode()).as(typed.err()).isZero();
        assertThat(typed.out()).contains(emulator.demo().organizationName());
        assertThat(emulator.requests())
                .anyMatch(request -> request.pathAndQuery().startsWith("/beta/organization"));
    }

    private void redirect(String path, int status, URI location) {
        emulator.setGraphFault(GraphFaults.redirect(path, status, location));
    }

    private static String newUser() {
        return "{\"displayName\":\"Reach Test\",\"accountEnabled\":true,\"mailNickname\":\"reach\","
                + "\"userPrincipalName\":\"reach@contosodemo.onmicrosoft.com\","
                + "\"passwordProfile\":{\"password\":\"" + PASSWORD + "\"}}";
    }

    /** One line on stderr naming where the shell was asked to go, exit 1, and nothing at the bystander. */
    private void assertRefused(ShellProcess.Result run, String target) {
        assertThat(bystander.requests().stream()
                        .map(request -> request.method() + " " + request.pathAndQuery())
                        .toList())
                .as("requests the bystander saw")
                .isEmpty();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(target).doesNotContain("Exception", "\tat ");
        assertThat(run.out() + run.err()).doesNotContain(SECRET, PASSWORD);
    }

    private ShellProcess shell() {
        return new ShellProcess(home);
    }

    private ShellProcess.Result script(String text) throws Exception {
        Path file = Files.createTempFile(home, "reach-", ".groovy");
        Files.writeString(file, text);
        return shell().runWithInput("", "-c", connect, file.toString());
    }
}

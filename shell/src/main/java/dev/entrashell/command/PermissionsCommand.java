package dev.entrashell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonObject;

import dev.entrashell.auth.AccessToken;
import dev.entrashell.errors.ShellException;
import dev.entrashell.graph.GraphPermissionMap;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "permissions",
        description = "Show the application roles that allow a Graph call, least privileged first, offline.",
        footer = {
            "",
            "From Microsoft's published Graph permission metadata (the data behind the permission tables of",
            "Graph's API reference), kept in the shell: no sign-in or network needed. Ids in the path may be real",
            "(/users/adele@contoso.com/memberOf) or {id}. Least privileged first means: lower privilege level",
            "first, then the role Microsoft marks least privileged for the path, then reads before writes.",
            "When connected, Held says which roles the current token has. The metadata does not separate",
            "v1.0 from beta: --api names the version for the output only.",
            "",
            "Examples:",
            "  permissions /users/{id}/memberOf",
            "  permissions /groups/{id}/members --method POST",
            "  permissions --search riskyUsers --output json"
        })
final class PermissionsCommand implements Runnable {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PATH",
            description = "A Graph path such as /users/{id}/memberOf; a full URL or a version prefix is fine.")
    String path;

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            description = "GET, POST, PUT, PATCH or DELETE (default: every method the path has).")
    String method;

    @Mixin
    ApiVersionOption api;

    @Option(
            names = "--search",
            paramLabel = "WORD",
            description = "List the paths whose path or roles contain WORD, ignoring case, instead of one path.")
    String search;

    @Mixin
    OutputOptions output;

    private final ShellServices services;

    PermissionsCommand(ShellServices services) {
        this.services = services;
    }

    @Override
    public void run() {
        if ((path == null) == (search == null)) {
            throw new ShellException(
                    "permissions needs a PATH or --search WORD (one of them): for example permissions /users/{id}/memberOf.");
        }
        String version = api.version();
        String upper = method == null ? null : method.toUpperCase(Locale.ROOT);
        if (upper != null && !METHODS.contains(upper)) {
            throw ShellException.of(
                    "--method {} is not one the map knows: use GET, POST, PUT, PATCH or DELETE.", method);
        }
        GraphPermissionMap map = GraphPermissionMap.load();
        if (search != null) {
            searchRows(map, upper, version);
        } else {
            pathRows(map, upper, version);
        }
    }

    private void pathRows(GraphPermissionMap map, String upper, String version) {
        GraphPermissionMap.Endpoint endpoint = map.endpointFor(path)
                .orElseThrow(() -> ShellException.of(
                        "{} is not in Microsoft's Graph permission metadata: check the path, or look for it with"
                                + " permissions --search WORD.",
                        path));
        Map<String, List<String>> byMethod = endpoint.rolesByMethod();
        if (upper != null && !byMethod.containsKey(upper)) {
            throw ShellException.of(
                    "{} {} is not in Microsoft's Graph permission metadata: it lists {} for this path.",
                    upper,
                    endpoint.template(),
                    String.join(", ", byMethod.keySet()));
        }
        Optional<Set<String>> held = heldRoles();
        List<JsonObject> rows = new ArrayList<>();
        boolean anyHeld = false;
        for (Map.Entry<String, List<String>> entry : byMethod.entrySet()) {
            if (upper != null && !entry.getKey().equals(upper)) {
                continue;
            }
            for (String role : entry.getValue()) {
                JsonObject row = new JsonObject();
                row.addProperty("Method", entry.getKey());
                row.addProperty("Path", "/" + version + endpoint.template());
                row.addProperty("Role", role);
                if (held.isPresent()) {
                    boolean has = held.get().contains(role);
                    anyHeld |= has;
                    row.addProperty("Held", has);
                }
                rows.add(row);
            }
        }
        output.rows(services.output(), rows);
        if (held.isPresent() && !anyHeld) {
            services.output()
                    .err()
                    .println("The current token holds none of these roles: grant the app one (the first is the"
                            + " least privileged) and give admin consent, then connect again.");
            services.output().err().flush();
        }
    }

    private void searchRows(GraphPermissionMap map, String upper, String version) {
        List<JsonObject> rows = new ArrayList<>();
        for (GraphPermissionMap.Endpoint endpoint : map.search(search)) {
            for (Map.Entry<String, List<String>> entry :
                    endpoint.rolesByMethod().entrySet()) {
                if (upper == null || entry.getKey().equals(upper)) {
                    JsonObject row = new JsonObject();
                    row.addProperty("Method", entry.getKey());
                    row.addProperty("Path", "/" + version + endpoint.template());
                    row.addProperty("LeastPrivileged", entry.getValue().get(0));
                    row.addProperty("Roles", String.join(", ", entry.getValue()));
                    rows.add(row);
                }
            }
        }
        output.rows(services.output(), rows);
        if (rows.isEmpty()) {
            services.output()
                    .err()
                    .println("No Graph path or role in Microsoft's permission metadata contains '" + search
                            + "'. Try a shorter word, such as part of a path segment (signIns) or a role (AuditLog).");
            services.output().err().flush();
        }
    }

    /** The current token's roles when connected, without asking for a token: this command stays offline. */
    private Optional<Set<String>> heldRoles() {
        return services.session()
                .current()
                .flatMap(connection -> connection.tokens().held())
                .map(AccessToken::claims)
                .map(claims -> Set.copyOf(claims.roles()));
    }
}

package dev.entrashell.session;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import dev.entrashell.errors.Printable;
import dev.entrashell.errors.ShellException;

/**
 * The clouds the shell knows: the four national clouds built in, and the ones the user added, which
 * persist in {@code $ENTRA_SHELL_HOME/environments.json}. Names are case-insensitive, as in
 * {@code Get-MgEnvironment}.
 */
public final class Environments {
    public static final String GLOBAL = "Global";

    private static final List<Environment> BUILT_IN = List.of(
            Environment.builtIn(GLOBAL, "https://login.microsoftonline.com", "https://graph.microsoft.com"),
            Environment.builtIn("China", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn"),
            Environment.builtIn("USGov", "https://login.microsoftonline.us", "https://graph.microsoft.us"),
            Environment.builtIn("USGovDoD", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us"));

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path file;

    public Environments(Path file) {
        this.file = file;
    }

    public List<Environment> list() {
        return Stream.concat(BUILT_IN.stream(), loadCustom().stream()).collect(Collectors.toList());
    }

    public Optional<Environment> find(String name) {
        return list().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The named environment, or a clear error listing the known ones. */
    public Environment require(String name) {
        return find(name)
                .orElseThrow(() -> ShellException.usage("Unknown environment '" + name + "'. Known: " + names()
                        + ". Add one with: environment add NAME --login-endpoint URL --graph-endpoint URL"));
    }

    /** Adds or replaces a custom environment. Built-in names cannot be redefined. */
    public Environment add(String name, String login, String graph, Path caFile) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw ShellException.usage("Environment name '" + name
                    + "' is not valid: use letters, digits, '.', '_' or '-' (at most 64 characters).");
        }
        if (BUILT_IN.stream().anyMatch(e -> e.name().equalsIgnoreCase(name))) {
            throw ShellException.usage(
                    "'" + name + "' is a built-in environment and cannot be redefined; " + "choose another name.");
        }
        Path ca = caFile == null ? null : TrustedCaFile.check(caFile);
        Environment added = new Environment(
                name, endpoint("--login-endpoint", login), endpoint("--graph-endpoint", graph), ca, false);
        List<Environment> custom = new ArrayList<>(loadCustom());
        custom.removeIf(e -> e.name().equalsIgnoreCase(name));
        custom.add(added);
        save(custom);
        return added;
    }

    public void remove(String name) {
        if (BUILT_IN.stream().anyMatch(e -> e.name().equalsIgnoreCase(name))) {
            throw ShellException.usage("'" + name + "' is built in and cannot be removed.");
        }
        List<Environment> custom = new ArrayList<>(loadCustom());
        if (!custom.removeIf(e -> e.name().equalsIgnoreCase(name))) {
            throw ShellException.usage("Unknown environment '" + name + "'. Custom environments: "
                    + (custom.isEmpty()
                            ? "none"
                            : custom.stream().map(Environment::name).collect(Collectors.joining(", ")))
                    + ".");
        }
        save(custom);
    }

    private String names() {
        return list().stream().map(Environment::name).collect(Collectors.joining(", "));
    }

    /** Tokens and Graph calls carry secrets: only https endpoints, with a host and nothing after the path. */
    private static URI endpoint(String option, String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (Exception e) {
            throw ShellException.usage(
                    option + " '" + Printable.of(value) + "' is not a URL; expected https://host[:port].");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw ShellException.usage(option + " '" + Printable.of(value) + "' must be an https URL with a host, like "
                    + (option.contains("graph") ? "https://graph.example.com" : "https://login.example.com")
                    + " (tokens are never sent over plain http).");
        }
        if (uri.getPort() > 65535 || uri.getPort() == 0) {
            throw ShellException.usage(option + " '" + Printable.of(value) + "' has port " + uri.getPort()
                    + ", which no server can listen on: give a port from 1 to 65535, or none for 443.");
        }
        if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw ShellException.usage(
                    option + " '" + Printable.of(value) + "' must not carry a query, fragment or user name.");
        }
        return uri;
    }

    private List<Environment> loadCustom() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Stored stored = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Stored.class);
            if (stored == null || stored.environments == null) {
                return List.of();
            }
            return stored.environments.stream()
                    .map(s -> new Environment(
                            s.name,
                            URI.create(s.login),
                            URI.create(s.graph),
                            s.caFile == null ? null : Path.of(s.caFile),
                            false))
                    .collect(Collectors.toList());
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            throw new ShellException(
                    "Cannot read the environments file " + file + ": " + e.getMessage()
                            + ". Fix or delete it, then add the environments again.",
                    e);
        }
    }

    private void save(List<Environment> custom) {
        Stored stored = new Stored();
        stored.environments = custom.stream()
                .map(e -> new StoredEnvironment(
                        e.name(),
                        e.login().toString(),
                        e.graph().toString(),
                        e.caFile() == null ? null : e.caFile().toString()))
                .collect(Collectors.toList());
        try {
            PrivateFiles.write(file, GSON.toJson(stored) + "\n");
        } catch (IOException e) {
            throw new ShellException("Cannot save the environments to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file format: a versionable object rather than a bare list. */
    private static final class Stored {
        List<StoredEnvironment> environments;
    }

    private record StoredEnvironment(String name, String login, String graph, String caFile) {}
}

package dev.entrashell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering of DESIGN.md, read from the sources' import lines: no cycle between the shell's packages
 * (errors, session, net, certificate, auth, connection, rotation, graph, output, services, script, command, repl, demo, and
 * Main on top), JLine only in {@code repl}, MSAL only in {@code auth}, the emulator only in {@code demo}.
 * The checks themselves are tested on made-up import maps, so a rule that could never fail would show.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final String BASE = "dev.entrashell";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)[.;]", Pattern.MULTILINE);

    @Test
    void theShellsPackagesFormNoCycle() {
        assertThat(cycles(packageDependencies(imports()))).isEmpty();
    }

    @Test
    void jlineOnlyInRepl() {
        assertThat(importersOf(imports(), "org.jline")).containsOnlyKeys(BASE + ".repl");
    }

    @Test
    void msalOnlyInAuth() {
        assertThat(importersOf(imports(), "com.microsoft.aad.msal4j")).containsOnlyKeys(BASE + ".auth");
    }

    @Test
    void theEmulatorOnlyInDemo() {
        assertThat(importersOf(imports(), BASE + ".emulator")).containsOnlyKeys(BASE + ".demo");
    }

    // ---- the checks, on import maps made up to break each rule

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> imports = Map.of(
                BASE + ".a", Set.of(BASE + ".b.Thing"),
                BASE + ".b", Set.of(BASE + ".c.Other"),
                BASE + ".c", Set.of(BASE + ".a.First", "java.util.List"),
                BASE + ".d", Set.of(BASE + ".a.First"));

        assertThat(cycles(packageDependencies(imports)))
                .containsExactly(new TreeSet<>(Set.of(BASE + ".a", BASE + ".b", BASE + ".c")));
    }

    @Test
    void aLayeredMapHasNoCycle() {
        Map<String, Set<String>> imports = Map.of(
                BASE + ".a", Set.of(BASE + ".b.Thing"), BASE + ".b", Set.of(BASE + ".c.Other"), BASE + ".c", Set.of());

        assertThat(cycles(packageDependencies(imports))).isEmpty();
    }

    @Test
    void aLibraryOutsideItsPackageIsFound() {
        Map<String, Set<String>> imports = Map.of(
                BASE + ".repl", Set.of("org.jline.reader.LineReader"),
                BASE + ".command", Set.of("org.jline.terminal.Terminal"));

        assertThat(importersOf(imports, "org.jline")).containsOnlyKeys(BASE + ".repl", BASE + ".command");
    }

    /** Each package of the shell and what its classes import (the root package is Main's). */
    private static Map<String, Set<String>> imports() {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String text = read(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    return;
                }
                Set<String> imported = imports.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
                Matcher imp = IMPORT.matcher(text);
                while (imp.find()) {
                    imported.add(imp.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(imports).as("the shell's packages").hasSizeGreaterThan(10);
        return imports;
    }

    /** Package to the shell packages it imports from, itself left out. */
    private static Map<String, Set<String>> packageDependencies(Map<String, Set<String>> imports) {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (var entry : imports.entrySet()) {
            Set<String> targets = new TreeSet<>();
            for (String imported : entry.getValue()) {
                String target = packageOf(imported, imports.keySet());
                if (target != null && !target.equals(entry.getKey())) {
                    targets.add(target);
                }
            }
            dependencies.put(entry.getKey(), targets);
        }
        return dependencies;
    }

    /** The package whose class {@code imported} names (or whose nested class or static member), if it is the shell's. */
    private static String packageOf(String imported, Set<String> packages) {
        String best = null;
        for (String pkg : packages) {
            boolean classOfIt = imported.startsWith(pkg + ".")
                    && Character.isUpperCase(imported.charAt(pkg.length() + 1)); // not a package below it
            if (classOfIt && (best == null || pkg.length() > best.length())) {
                best = pkg;
            }
        }
        return best;
    }

    /** The packages that import anything under {@code prefix}, with what they import. */
    private static Map<String, Set<String>> importersOf(Map<String, Set<String>> imports, String prefix) {
        Map<String, Set<String>> importers = new TreeMap<>();
        imports.forEach((pkg, imported) -> imported.stream()
                .filter(name -> name.startsWith(prefix + "."))
                .forEach(name ->
                        importers.computeIfAbsent(pkg, p -> new TreeSet<>()).add(name)));
        return importers;
    }

    /** The strongly connected components of more than one package (Tarjan), each a cycle to break. */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(
            String node,
            Map<String, Set<String>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            List<Set<String>> cycles) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, cycles);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

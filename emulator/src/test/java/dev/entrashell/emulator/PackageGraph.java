package dev.entrashell.emulator;

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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages of a source tree and which packages each one imports, read from the {@code package}
 * and {@code import} lines of its {@code .java} files (no compiler, no bytecode): enough to see
 * cycles, because a type of another package can only be named through an import or its full name,
 * and the emulator's code uses no full names.
 */
final class PackageGraph {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);

    /** One file of {@code from} imports {@code to} (a package of the tree, or the imported name when foreign). */
    record Edge(String from, String to, String file) {
        @Override
        public String toString() {
            return from + " -> " + to + " (" + file + ")";
        }
    }

    private final Set<String> packages;
    private final List<Edge> edges;

    private PackageGraph(Set<String> packages, List<Edge> edges) {
        this.packages = new TreeSet<>(packages);
        this.edges = edges.stream().distinct().toList();
    }

    /** Reads every {@code .java} file under {@code sourceRoot}; imports of other prefixes are ignored. */
    static PackageGraph read(Path sourceRoot, String prefix) {
        Map<Path, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                texts.put(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Path, String> packageOf = new HashMap<>();
        texts.forEach((file, text) -> {
            Matcher declaration = PACKAGE.matcher(text);
            if (!declaration.find()) {
                throw new IllegalStateException("no package line in " + file);
            }
            packageOf.put(file, declaration.group(1));
        });
        Set<String> packages = new TreeSet<>(packageOf.values());
        List<Edge> edges = new ArrayList<>();
        texts.forEach((file, text) -> {
            String from = packageOf.get(file);
            Matcher imported = IMPORT.matcher(text);
            while (imported.find()) {
                String name = imported.group(1);
                if (name.startsWith(prefix)) {
                    String to = enclosingPackage(name, packages).orElse(name);
                    if (!to.equals(from)) {
                        edges.add(new Edge(from, to, sourceRoot.relativize(file).toString()));
                    }
                }
            }
        });
        return new PackageGraph(packages, edges);
    }

    /** The longest package of the tree that holds {@code name} (a type, a nested type or a static member). */
    private static Optional<String> enclosingPackage(String name, Set<String> packages) {
        for (String candidate = name; ; candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            if (packages.contains(candidate)) {
                return Optional.of(candidate);
            }
            if (candidate.indexOf('.') < 0) {
                return Optional.empty();
            }
        }
    }

    Set<String> packages() {
        return packages;
    }

    List<Edge> edges() {
        return edges;
    }

    /**
     * Every set of packages that reach each other through imports (the strongly connected components
     * of more than one package), each with the imports that tie it together.
     */
    List<List<Edge>> cycles() {
        Map<String, Set<String>> targets = new TreeMap<>();
        packages.forEach(p -> targets.put(p, new TreeSet<>()));
        edges.stream().filter(edge -> packages.contains(edge.to())).forEach(edge -> targets.get(edge.from())
                .add(edge.to()));
        List<List<Edge>> cycles = new ArrayList<>();
        for (Set<String> component : new Tarjan(targets).components()) {
            if (component.size() > 1) {
                cycles.add(edges.stream()
                        .filter(edge -> component.contains(edge.from()) && component.contains(edge.to()))
                        .toList());
            }
        }
        return cycles;
    }

    /** Tarjan's strongly connected components; the graphs here are a few dozen nodes, so recursion is fine. */
    private static final class Tarjan {
        private final Map<String, Set<String>> targets;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> targets) {
            this.targets = targets;
        }

        List<Set<String>> components() {
            targets.keySet().stream().filter(node -> !index.containsKey(node)).forEach(this::visit);
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            lowLink.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String target : targets.get(node)) {
                if (!index.containsKey(target)) {
                    visit(target);
                    lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(target)));
                } else if (onStack.contains(target)) {
                    lowLink.put(node, Math.min(lowLink.get(node), index.get(target)));
                }
            }
            if (lowLink.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}

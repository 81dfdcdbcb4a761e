package dev.entrashell.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.entrashell.emulator.PackageGraph.Edge;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's package rules, checked on its sources so that breaking one fails the build rather
 * than a reader's memory: no package cycles; nothing depends on the root package (which wires
 * everything together); nothing depends on the shell (the shell depends on the emulator, never the
 * reverse). The last one the compiler also enforces while the shell is not on the emulator's class
 * path; this test keeps it if someone adds the dependency.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.entrashell.emulator";
    /** Surefire runs in the module's directory. */
    private static final PackageGraph EMULATOR = PackageGraph.read(Path.of("src/main/java"), "dev.entrashell.");

    @Test
    void readsEveryPackage() {
        // Guards the other tests against passing on an empty or wrongly rooted tree.
        assertThat(EMULATOR.packages()).contains(ROOT, ROOT + ".http", ROOT + ".graph.query", ROOT + ".token.sni");
        assertThat(EMULATOR.edges()).isNotEmpty();
    }

    @Test
    void hasNoPackageCycles() {
        assertThat(EMULATOR.cycles())
                .as("packages that import each other, directly or through others")
                .isEmpty();
    }

    @Test
    void nothingDependsOnTheRootPackage() {
        assertThat(EMULATOR.edges())
                .as("imports of the root package")
                .filteredOn(edge -> edge.to().equals(ROOT))
                .isEmpty();
    }

    @Test
    void noServerDependsOnTheDemo() {
        // The demo is data: the root package seeds it and the state directory writes its files.
        assertThat(EMULATOR.edges())
                .as("imports of the demo package")
                .filteredOn(edge -> edge.to().equals(ROOT + ".demo"))
                .extracting(Edge::from)
                .containsOnly(ROOT, ROOT + ".state");
    }

    @Test
    void neverDependsOnTheShell() {
        assertThat(EMULATOR.edges())
                .as("imports from outside the emulator")
                .filteredOn(edge -> !edge.to().equals(ROOT) && !edge.to().startsWith(ROOT + "."))
                .isEmpty();
    }

    @Test
    void findsACycleThroughAThirdPackageAndANestedTypesImport(@TempDir Path sources) throws IOException {
        // The checker itself, on a made-up tree: x.a -> x.b -> x.c -> x.a, and x.d outside the cycle.
        write(sources, "x/a/A.java", "package x.a;\n\nimport x.b.B;\n");
        write(sources, "x/b/B.java", "package x.b;\n\nimport static x.c.C.Inner.value;\n");
        write(sources, "x/c/C.java", "package x.c;\n\nimport x.a.*;\n");
        write(sources, "x/d/D.java", "package x.d;\n\nimport x.a.A;\nimport java.util.List;\n");

        PackageGraph graph = PackageGraph.read(sources, "x.");

        assertThat(graph.cycles()).singleElement().satisfies(cycle -> assertThat(cycle)
                .extracting(Edge::toString)
                .containsExactlyInAnyOrder(
                        "x.a -> x.b (" + Path.of("x/a/A.java") + ")",
                        "x.b -> x.c (" + Path.of("x/b/B.java") + ")",
                        "x.c -> x.a (" + Path.of("x/c/C.java") + ")"));
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}

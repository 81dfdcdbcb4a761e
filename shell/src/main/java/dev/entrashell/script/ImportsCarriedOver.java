package dev.entrashell.script;

import java.util.HashSet;
import java.util.Set;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Groovy mode only: an {@code import} typed on one line is in force on the lines after it, as at any
 * prompt. Each entry is compiled on its own, so its imports are recorded here and handed to every later
 * compilation through {@link #forLaterLines()}. Recorded only once the entry has compiled completely:
 * an import that does not resolve fails its own line and never the lines after it.
 */
final class ImportsCarriedOver extends CompilationCustomizer {
    private final ImportCustomizer carried = new ImportCustomizer();
    private final Set<String> known = new HashSet<>();

    ImportsCarriedOver() {
        super(CompilePhase.CLASS_GENERATION);
    }

    /** The customizer that adds the recorded imports to a compilation; configure it before this one. */
    ImportCustomizer forLaterLines() {
        return carried;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            return;
        }
        ModuleNode module = source.getAST();
        for (ImportNode node : module.getImports()) {
            if (known.add("class " + node.getAlias() + "=" + node.getClassName())) {
                carried.addImport(node.getAlias(), node.getClassName());
            }
        }
        for (ImportNode node : module.getStarImports()) {
            if (known.add("star " + node.getPackageName())) {
                carried.addStarImports(node.getPackageName().replaceAll("\\.$", ""));
            }
        }
        module.getStaticImports().forEach((alias, node) -> {
            if (known.add("static " + alias + "=" + node.getClassName() + "." + node.getFieldName())) {
                carried.addStaticImport(alias, node.getClassName(), node.getFieldName());
            }
        });
        module.getStaticStarImports().forEach((alias, node) -> {
            if (known.add("static star " + node.getClassName())) {
                carried.addStaticStars(node.getClassName());
            }
        });
    }
}

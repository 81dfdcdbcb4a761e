package dev.entrashell.script;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Groovy mode only: an {@code import} typed on one line is in force on the lines after it, as at any
 * prompt. Each entry is compiled on its own, so its imports are recorded once it has compiled completely
 * (an import that does not resolve fails its own line, never the lines after it) and added to every
 * later entry, except where that entry declares the same name itself: a later {@code import
 * java.util.List} replaces an earlier {@code import java.awt.List}.
 */
final class ImportsCarriedOver {
    private record StaticMember(String className, String field) {}

    private final Map<String, String> classes = new LinkedHashMap<>();
    private final Set<String> packages = new LinkedHashSet<>();
    private final Map<String, StaticMember> members = new LinkedHashMap<>();
    private final Set<String> staticClasses = new LinkedHashSet<>();

    /** The customizers, in the order to configure them: the one that adds, then the one that records. */
    List<CompilationCustomizer> customizers() {
        return List.of(new AddRecorded(), new Record());
    }

    /** Adds what earlier entries imported, unless this entry declares the name itself. */
    private final class AddRecorded extends CompilationCustomizer {
        AddRecorded() {
            super(CompilePhase.CONVERSION);
        }

        @Override
        public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            if (!classNode.isScript()) {
                return;
            }
            ModuleNode module = source.getAST();
            Set<String> declared = new LinkedHashSet<>();
            module.getImports().forEach(node -> declared.add(node.getAlias()));
            module.getClasses().forEach(node -> declared.add(node.getNameWithoutPackage()));
            classes.forEach((alias, className) -> {
                if (!declared.contains(alias)) {
                    module.addImport(alias, ClassHelper.make(className));
                }
            });
            packages.stream()
                    .filter(name -> module.getStarImports().stream()
                            .noneMatch(n -> n.getPackageName().equals(name)))
                    .forEach(module::addStarImport);
            members.forEach((alias, member) -> {
                if (!module.getStaticImports().containsKey(alias)) {
                    module.addStaticImport(ClassHelper.make(member.className()), member.field(), alias);
                }
            });
            staticClasses.stream()
                    .filter(name -> !module.getStaticStarImports().containsKey(name))
                    .forEach(name -> module.addStaticStarImport(name, ClassHelper.make(name)));
        }
    }

    /** Records this entry's imports, the newer of two with the same name winning; runs only if it compiled. */
    private final class Record extends CompilationCustomizer {
        Record() {
            super(CompilePhase.CLASS_GENERATION);
        }

        @Override
        public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            if (!classNode.isScript()) {
                return;
            }
            ModuleNode module = source.getAST();
            for (ImportNode node : module.getImports()) {
                classes.put(node.getAlias(), node.getClassName());
            }
            for (ImportNode node : module.getStarImports()) {
                packages.add(node.getPackageName());
            }
            module.getStaticImports()
                    .forEach((alias, node) ->
                            members.put(alias, new StaticMember(node.getClassName(), node.getFieldName())));
            module.getStaticStarImports().forEach((name, node) -> staticClasses.add(node.getClassName()));
        }
    }
}

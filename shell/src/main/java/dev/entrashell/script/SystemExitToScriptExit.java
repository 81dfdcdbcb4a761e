package dev.entrashell.script;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Rewrites {@code System.exit(n)} in a script into the script's own {@code exit(n)}: the script ends
 * with code n, its buffered {@code out} is flushed as on any end, and in the interactive shell the
 * prompt comes back instead of the whole shell ending. (A SecurityManager could refuse the exit at run
 * time, but it is deprecated since Java 17 and gone later; this is done when the script is compiled.)
 *
 * <p>It runs after names are resolved, so it sees {@code System.exit(...)}, {@code java.lang.System.exit(...)}
 * and a statically imported {@code exit(...)} of System, in the script, its closures and its classes.
 * What it cannot see, and so still ends the JVM: a call made dynamically ({@code def s = System;
 * s.exit(1)}, {@code System."exit"(1)}, {@code System.&exit}, reflection), {@code Runtime.getRuntime().exit}
 * or {@code halt}, and System.exit in a compiled library the script calls.
 */
final class SystemExitToScriptExit extends CompilationCustomizer {
    private static final ClassNode SYSTEM = ClassHelper.make(System.class);
    private static final ClassNode EXITS = ClassHelper.make(SystemExitToScriptExit.class);

    SystemExitToScriptExit() {
        super(CompilePhase.CANONICALIZATION);
    }

    /** What a rewritten {@code System.exit(code)} calls: public, as the script's class is in another package. */
    public static void exit(int code) {
        throw new ScriptExit(code);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeExpressionTransformer() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public Expression transform(Expression expression) {
                if (expression instanceof ClosureExpression closure) {
                    closure.getCode().visit(this); // transforming a closure expression leaves its body alone
                    return closure;
                }
                Expression transformed = super.transform(expression);
                if (isSystemExit(transformed)) {
                    Expression arguments = transformed instanceof MethodCallExpression call
                            ? call.getArguments()
                            : ((StaticMethodCallExpression) transformed).getArguments();
                    StaticMethodCallExpression exit = new StaticMethodCallExpression(EXITS, "exit", arguments);
                    exit.setSourcePosition(transformed);
                    return exit;
                }
                return transformed;
            }
        }.visitClass(classNode);
    }

    private static boolean isSystemExit(Expression expression) {
        if (expression instanceof MethodCallExpression call) {
            return call.getObjectExpression() instanceof ClassExpression target
                    && target.getType().getName().equals(SYSTEM.getName())
                    && "exit".equals(call.getMethodAsString());
        }
        return expression instanceof StaticMethodCallExpression call
                && call.getOwnerType().getName().equals(SYSTEM.getName())
                && call.getMethod().equals("exit");
    }
}

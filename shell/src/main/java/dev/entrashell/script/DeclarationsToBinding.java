package dev.entrashell.script;

import java.util.List;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * Groovy mode only: a top-level {@code def x = 1} (or {@code String s = ...}) becomes {@code x = 1}, a
 * binding variable, so that it is still there on the next line, as a person at a prompt expects.
 * Declarations inside methods, closures and blocks stay local.
 */
final class DeclarationsToBinding extends CompilationCustomizer {
    DeclarationsToBinding() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            return;
        }
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run == null || !(run.getCode() instanceof BlockStatement block)) {
            return;
        }
        List<Statement> statements = block.getStatements();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) instanceof ExpressionStatement statement
                    && statement.getExpression() instanceof DeclarationExpression declaration
                    && !declaration.isMultipleAssignmentDeclaration()) {
                statements.set(i, assignment(statement, declaration));
            }
        }
    }

    private static Statement assignment(ExpressionStatement statement, DeclarationExpression declaration) {
        VariableExpression variable = declaration.getVariableExpression();
        Expression value = declaration.getRightExpression() instanceof EmptyExpression
                ? ConstantExpression.NULL
                : declaration.getRightExpression();
        VariableExpression target = new VariableExpression(variable.getName());
        target.setSourcePosition(variable);
        Token operation = Token.newSymbol(
                Types.ASSIGN,
                declaration.getOperation().getStartLine(),
                declaration.getOperation().getStartColumn());
        BinaryExpression assign = new BinaryExpression(target, operation, value);
        assign.setSourcePosition(declaration);
        ExpressionStatement replaced = new ExpressionStatement(assign);
        replaced.setSourcePosition(statement);
        replaced.copyStatementLabels(statement);
        return replaced;
    }
}

package dev.entrashell.script;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.runtime.MethodClosure;
import org.codehaus.groovy.syntax.SyntaxException;

import dev.entrashell.output.OutputClosed;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;

/**
 * The Groovy engine: compiles scripts with {@link EntraScript} as their base class and
 * {@code @ThreadInterrupt} (so Ctrl-C stops even a tight loop), and runs them against a
 * {@link ScriptBinding}. One for saved scripts (a fresh binding per run) and one for Groovy mode (one
 * binding for the session, declarations and methods kept).
 */
final class GroovySession {
    private static final Set<String> SCRIPT_METHODS = Set.of("run", "main");
    /** An operator that needs a right-hand side, or a dot before the next call of a chain, ending a line. */
    private static final Pattern TRAILING_OPERATOR = Pattern.compile("([-+*/%&|^=<>?:.,!]|\\bin)\\s*$");

    private final GroovyShell shell;
    private final CompilerConfiguration config;
    private final ScriptBinding binding;
    private final boolean promptLines;
    private int evaluations;

    private GroovySession(ScriptApi api, boolean keepDeclarations) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(EntraScript.class.getName());
        config.setSourceEncoding(StandardCharsets.UTF_8.name());
        config.addCompilationCustomizers(new ASTTransformationCustomizer(ThreadInterrupt.class));
        config.addCompilationCustomizers(new SystemExitToScriptExit());
        if (keepDeclarations) {
            config.addCompilationCustomizers(new DeclarationsToBinding());
            new ImportsCarriedOver().customizers().forEach(config::addCompilationCustomizers);
        }
        this.config = config;
        this.promptLines = keepDeclarations;
        this.binding = new ScriptBinding(api, List.of());
        this.shell = new GroovyShell(GroovySession.class.getClassLoader(), binding, config);
    }

    static GroovySession forFiles(ScriptApi api) {
        return new GroovySession(api, false);
    }

    static GroovySession forPrompt(ScriptApi api) {
        return new GroovySession(api, true);
    }

    /** Runs a script file with its own binding; the script's value is ignored. */
    void runFile(Path file, List<String> args) throws IOException {
        String name = file.getFileName().toString();
        Script script = compile(Files.readString(file, StandardCharsets.UTF_8), name);
        ScriptBinding own = new ScriptBinding(binding.api(), args);
        script.setBinding(own);
        run(script, name);
    }

    /** Evaluates code in the session's binding; variables and methods it defines stay for later lines. */
    Object evaluate(String code) {
        String name = "groovy" + (++evaluations) + ".groovy";
        Script script = compile(code, name);
        script.setBinding(binding);
        Object value = run(script, name);
        keepMethods(script);
        return value;
    }

    /**
     * Whether the code is the start of something longer (an open brace, bracket, parenthesis or
     * triple-quoted string, or a last line that ends with an operator): the parser stopped at the very
     * end of the input.
     */
    boolean incomplete(String code) {
        try {
            // Parsed only: a line that parses but does not compile (an import that does not resolve) is
            // complete, and its error is reported when it runs.
            CompilationUnit unit = new CompilationUnit(config, null, shell.getClassLoader());
            unit.addSource("input.groovy", code);
            unit.compile(Phases.CONVERSION);
            return false;
        } catch (MultipleCompilationErrorsException e) {
            SyntaxException error = e.getErrorCollector().getSyntaxError(0);
            if (error == null) {
                return false;
            }
            if (error.getMessage().contains("<EOF>") || openTripleQuote(code)) {
                return true;
            }
            List<String> lines = code.lines().toList();
            int last = lines.size();
            Matcher operator = last > 0 ? TRAILING_OPERATOR.matcher(lines.get(last - 1)) : null;
            if (operator != null
                    && operator.find()
                    && error.getLine() == last
                    && error.getStartColumn() >= operator.start(1) + 1) {
                return true; // "def total = 40 +": the parser blames the operator, but the rest is on the next line
            }
            return error.getLine() >= last
                    && (last == 0
                            || error.getStartColumn() > lines.get(last - 1).length());
        } catch (CompilationFailedException e) {
            return false;
        }
    }

    private Script compile(String code, String name) {
        try {
            return shell.parse(code, name);
        } catch (MultipleCompilationErrorsException e) {
            SyntaxException error = e.getErrorCollector().getSyntaxError(0);
            if (error != null) {
                throw new ScriptException(
                        name + ", line " + error.getLine() + ": " + error.getOriginalMessage(), false, e);
            }
            throw new ScriptException(name + ": " + e.getMessage().strip(), false, e);
        }
    }

    private Object run(Script script, String name) {
        Predicate<String> ours = promptLines ? file -> file.matches("groovy\\d+\\.groovy") : name::equals;
        try {
            return script.run();
        } catch (ScriptExit exit) {
            throw exit;
        } catch (RuntimeException | Error e) {
            throw OutputClosed.in(e).orElseThrow(() -> ScriptFailures.describe(e, name, ours));
        } catch (Exception e) { // checked exceptions, thrown sneakily by Groovy code
            throw ScriptFailures.describe(e, name, ours);
        }
    }

    /** A method defined at the prompt becomes a binding closure, callable from the next lines. */
    private void keepMethods(Script script) {
        for (Method method : script.getClass().getDeclaredMethods()) {
            if (!method.isSynthetic()
                    && Modifier.isPublic(method.getModifiers())
                    && !Modifier.isStatic(method.getModifiers())
                    && !SCRIPT_METHODS.contains(method.getName())
                    && !method.getName().contains("$")) {
                binding.setVariable(method.getName(), new MethodClosure(script, method.getName()));
            }
        }
    }

    private static boolean openTripleQuote(String code) {
        return count(code, "\"\"\"") % 2 == 1 || count(code, "'''") % 2 == 1;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}

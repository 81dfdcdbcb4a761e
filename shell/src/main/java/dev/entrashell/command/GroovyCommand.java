package dev.entrashell.command;

import java.util.concurrent.Callable;

import dev.entrashell.script.ScriptHost;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "groovy",
        description = "Groovy mode (no argument: :exit or Ctrl-D leaves), or evaluate one expression.",
        footer = {
            "",
            "In Groovy mode each line or complete block is evaluated and its value printed (maps and lists",
            "as JSON); a block that is still open (a '{', '[' or '(') continues on the next line.",
            "Variables and methods last for the session. The bindings are those of scripts (help run).",
            "",
            "Examples:",
            "  groovy",
            "  groovy 'get(\"/organization\").value[0].displayName'",
            "  groovy \"all('/users?$select=userType').count { it.userType == 'Guest' }\"",
            "  (in Groovy, put Graph paths with $select or $filter in single quotes, or write \\$select)"
        })
final class GroovyCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(arity = "0..1", paramLabel = "EXPRESSION", description = "A Groovy expression to evaluate.")
    String expression;

    private final ShellServices services;
    private final ScriptHost scripts;

    GroovyCommand(ShellServices services, ScriptHost scripts) {
        this.services = services;
        this.scripts = scripts;
    }

    @Override
    public Integer call() {
        if (expression == null) {
            ErrorFunnel errors = new ErrorFunnel(services.output(), services.diagnostics());
            return scripts.interactive(errors::report);
        }
        return scripts.evaluate(expression);
    }
}

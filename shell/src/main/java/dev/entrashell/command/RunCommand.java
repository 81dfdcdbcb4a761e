package dev.entrashell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.entrashell.script.ScriptHost;
import dev.entrashell.services.ShellServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "run",
        description =
                "Run a Groovy script: a file, or a NAME looked up in ., $ENTRA_SHELL_HOME/scripts, then scripts/.",
        footer = {
            "",
            "Everything after the script is the script's (its 'args'), options included.",
            "A script error prints the script's file and line and fails the line (exit code 1);",
            "a script ends with its own exit code by calling exit(n). Ctrl-C stops it.",
            "Bindings: get/post/put/patch/delete(path[, body]), all(path), batch(requests), graph, context,",
            "args, out, err, shell(line), exit(code). See scripts/README.md.",
            "",
            "Examples:",
            "  run expiring-credentials 30",
            "  run users-export users.csv",
            "  run ./my-report.groovy --verbose"
        })
final class RunCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            paramLabel = "FILE_OR_NAME",
            completionCandidates = ScriptNames.class,
            description = "The script file, or its name.")
    String script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script.")
    List<String> args = new ArrayList<>();

    private final ScriptHost scripts;

    RunCommand(ShellServices services, ScriptHost scripts) {
        this.scripts = scripts;
    }

    @Override
    public Integer call() {
        return scripts.run(script, args == null ? List.of() : args);
    }
}

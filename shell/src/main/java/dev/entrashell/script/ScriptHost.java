package dev.entrashell.script;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;

import dev.entrashell.errors.ExitCode;
import dev.entrashell.errors.ShellException;
import dev.entrashell.services.ShellServices;

/**
 * What the {@code run} and {@code groovy} commands call: one per shell, so Groovy mode's variables
 * and methods last for the session. It holds no Groovy type, so it can be made at start-up; the Groovy
 * compiler loads when the first script runs.
 */
public final class ScriptHost {
    private final ShellServices services;
    private final ToIntFunction<String> shellLines;
    private GroovySession files;
    private GroovySession prompt;

    /** @param shellLines runs one shell line and returns its exit code (the {@code shell(line)} binding) */
    public ScriptHost(ShellServices services, ToIntFunction<String> shellLines) {
        this.services = services;
        this.shellLines = shellLines;
    }

    /** {@code run FILE_OR_NAME ARGS...}: the script's exit code (0, or what it passed to exit). */
    public int run(String nameOrFile, List<String> args) {
        Path file = ScriptLocator.standard(services.home()).find(nameOrFile);
        if (files == null) {
            files = GroovySession.forFiles(new ScriptApi(services, shellLines));
        }
        try {
            files.runFile(file, args);
            return ExitCode.OK;
        } catch (ScriptExit exit) {
            return exit.code();
        } catch (IOException e) {
            throw new ShellException("Cannot read the script " + file + ": " + e.getMessage(), e);
        } finally {
            services.output().out().flush();
        }
    }

    /** {@code groovy 'EXPR'}: prints the value, in Groovy mode's session. */
    public int evaluate(String code) {
        try {
            print(session().evaluate(code));
            return ExitCode.OK;
        } catch (ScriptExit exit) {
            return exit.code();
        }
    }

    /**
     * Groovy mode: reads lines until {@code :exit} or end of input, evaluating each complete line or
     * block and printing its value. A failing line is reported and the next one is read; Ctrl-C at the
     * prompt drops the block being typed.
     */
    public int interactive(ErrorReporter errors) {
        if (!services.prompter().canReadLines()) {
            throw ShellException.usage(
                    "Groovy mode needs a terminal. Give an expression (groovy 'EXPR')" + " or a script (run FILE).");
        }
        GroovySession session = session();
        services.output()
                .err()
                .println("Groovy mode: each line or block is evaluated; :exit or Ctrl-D leaves. "
                        + "Bindings: get, post, put, patch, delete, all, batch, graph, context, shell, out, err.");
        services.output().err().flush();
        StringBuilder block = new StringBuilder();
        while (true) {
            String line;
            try {
                line = services.prompter().readLine(block.isEmpty() ? "groovy> " : "   ...> ");
            } catch (InterruptedException e) {
                block.setLength(0);
                continue;
            }
            if (line == null || (block.isEmpty() && line.strip().equals(":exit"))) {
                return ExitCode.OK;
            }
            block.append(block.isEmpty() ? "" : "\n").append(line);
            if (block.toString().isBlank() || session.incomplete(block.toString())) {
                if (block.toString().isBlank()) {
                    block.setLength(0);
                }
                continue;
            }
            String code = block.toString();
            block.setLength(0);
            try {
                print(session.evaluate(code));
            } catch (ScriptExit exit) {
                return exit.code();
            } catch (RuntimeException e) {
                errors.report(e);
            } finally {
                Thread.interrupted(); // a Ctrl-C that arrived as the line ended must not stop the next one
            }
        }
    }

    /** Where Groovy mode sends a failed line (the shell's error funnel). */
    public interface ErrorReporter {
        void report(Throwable failure);
    }

    private GroovySession session() {
        if (prompt == null) {
            prompt = GroovySession.forPrompt(new ScriptApi(services, shellLines));
        }
        return prompt;
    }

    private void print(Object value) {
        if (value != null) {
            PrintWriter out = services.output().out();
            out.println(JsonValues.display(value));
            out.flush();
        }
    }
}

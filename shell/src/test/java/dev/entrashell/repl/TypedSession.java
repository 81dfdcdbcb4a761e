package dev.entrashell.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

import dev.entrashell.command.LineExecutor;
import dev.entrashell.services.ShellServices;
import dev.entrashell.session.Diagnostics;
import dev.entrashell.session.Redactor;
import dev.entrashell.session.ShellHome;
import dev.entrashell.session.Sleeper;

/**
 * Lines typed into the interactive shell in this JVM, on a dumb terminal over piped streams, with the
 * program's wiring and the environments saved in {@code home}: what the terminal showed, what went to
 * standard error, and the exit code. For what needs no real screen; Tab, Ctrl-C and colors need the
 * pseudo-terminal of {@code ShellProcess.runTyped}.
 */
public record TypedSession(int exitCode, String screen, String err) {
    public static TypedSession type(Path home, List<String> lines) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        byte[] typed = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Terminal terminal = new DumbTerminal(
                "test", Terminal.TYPE_DUMB, new ByteArrayInputStream(typed), screen, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true);
        InteractiveShell shell = new InteractiveShell(terminal, errWriter, true);
        ShellServices services = ShellServices.start(
                new ShellHome(home),
                shell.output(),
                shell.prompter(),
                new Diagnostics(false, errWriter, new Redactor()),
                new HashMap<>(),
                Clock.systemUTC(),
                Sleeper.system());
        int code = shell.run(services, LineExecutor::new);
        return new TypedSession(code, screen.toString(StandardCharsets.UTF_8), err.toString());
    }
}

package dev.entrashell.repl;

import java.util.Optional;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import dev.entrashell.errors.ShellException;
import dev.entrashell.session.Prompter;

/**
 * Asks at the JLine prompt, echoing '*' and keeping the answer out of history; Ctrl-C or Ctrl-D there
 * cancels the command that asked.
 */
final class JLinePrompter implements Prompter {
    private LineReader reader;

    void attach(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<char[]> readSecret(String prompt) {
        if (reader == null) {
            return Optional.empty();
        }
        Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return Optional.of(reader.readLine(prompt, '*').toCharArray());
        } catch (UserInterruptException | EndOfFileException cancelled) {
            throw ShellException.cancelled("at '" + prompt.strip().replaceFirst(":$", "") + "'");
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
        }
    }

    @Override
    public boolean canReadLines() {
        return reader != null;
    }

    @Override
    public String readLine(String prompt) throws InterruptedException {
        if (reader == null) {
            return null;
        }
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new InterruptedException("Ctrl-C");
        } catch (EndOfFileException e) {
            return null;
        }
    }
}

package dev.entrashell.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.entrashell.session.Prompter;

/**
 * Lines as a person types them in Groovy mode; "^C" is Ctrl-C at the prompt. What happens while the
 * person pauses before a line (a test moving its clock) is given with {@link #before}.
 */
final class TypedLines implements Prompter {
    private final Deque<String> lines;
    private final Map<String, Runnable> pauses = new HashMap<>();
    final List<String> prompts = new ArrayList<>();

    TypedLines(String... lines) {
        this.lines = new ArrayDeque<>(List.of(lines));
    }

    /** Runs {@code pause} just before {@code line} is typed. */
    TypedLines before(String line, Runnable pause) {
        pauses.put(line, pause);
        return this;
    }

    @Override
    public Optional<char[]> readSecret(String prompt) {
        return Optional.empty();
    }

    @Override
    public boolean canReadLines() {
        return true;
    }

    @Override
    public String readLine(String prompt) throws InterruptedException {
        prompts.add(prompt);
        String line = lines.poll();
        if ("^C".equals(line)) {
            throw new InterruptedException();
        }
        pauses.getOrDefault(line, () -> {}).run();
        return line;
    }
}

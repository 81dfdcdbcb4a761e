package dev.entrashell.repl;

import java.time.Instant;
import java.util.regex.Pattern;

import org.jline.reader.impl.history.DefaultHistory;

import dev.entrashell.session.Redactor;

/**
 * History that never holds a secret: a value given inline to a secret option ({@code --secret=VALUE},
 * {@code --password=VALUE}, {@code --access-token=VALUE}) is masked, and so is anything the session knows to be secret (a token
 * pasted back, a password), before the line is kept in memory or written to the file.
 */
final class SafeHistory extends DefaultHistory {
    private static final Pattern INLINE_SECRET = Pattern.compile(
            "(?i)(--(?:(?:client-)?(?:secret|password)|access-token)(?:=|\\s+(?!-)))(\"[^\"]*\"|'[^']*'|\\S+)");

    private final Redactor redactor;

    SafeHistory(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void add(Instant time, String line) {
        super.add(time, sanitize(line));
    }

    String sanitize(String line) {
        return redactor.redact(INLINE_SECRET.matcher(line).replaceAll("$1***"));
    }
}

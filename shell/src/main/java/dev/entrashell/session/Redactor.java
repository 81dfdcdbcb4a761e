package dev.entrashell.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text before it is shown: the values the session knows to be secret
 * (passwords, client secrets, tokens it received), plus anything shaped like a JWT, a bearer header or
 * a secret form field, so that even a secret the session never registered does not reach
 * {@code --debug} output, error lines or stack traces.
 */
public final class Redactor {
    private static final String MASK = "***";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',]+");
    private static final Pattern FORM_SECRET = Pattern.compile(
            "(?i)((?:client_secret|client_assertion|password|access_token|refresh_token)\"?\\s*[=:]\\s*\"?)[^&\\s\",}]+");
    private static final Pattern PEM_KEY =
            Pattern.compile("-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?-----END \\1PRIVATE KEY-----");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers a value that must never be shown; short values are ignored to keep text readable. */
    public void register(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    public void register(char[] secret) {
        if (secret != null) {
            register(new String(secret));
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        result = PEM_KEY.matcher(result)
                .replaceAll("-----BEGIN $1PRIVATE KEY----- " + MASK + " -----END $1PRIVATE KEY-----");
        result = JWT.matcher(result).replaceAll("eyJ" + MASK);
        result = BEARER.matcher(result).replaceAll("$1" + MASK);
        return FORM_SECRET.matcher(result).replaceAll("$1" + MASK);
    }
}

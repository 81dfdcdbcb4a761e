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
    /**
     * A value given to a secret option as {@code --secret=VALUE} ({@code --client-secret},
     * {@code --password}, {@code --access-token}): how picocli quotes a line's options in its own
     * messages, which a {@code --debug} trace shows. Only the {@code =} form: "--secret is empty" is a
     * sentence (SafeHistory also masks the spaced form, in lines the user typed).
     */
    private static final Pattern INLINE_OPTION_SECRET = Pattern.compile(
            "(?i)(--(?:(?:client-)?(?:secret|password)|access-token)=)(\"[^\"]*\"|'[^']*'|[^\\s}\\]]+)");

    private static final Pattern PEM_KEY =
            Pattern.compile("-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?-----END \\1PRIVATE KEY-----");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers a value that must never be shown, however short. */
    public void register(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    public void register(char[] secret) {
        if (secret != null) {
            register(new String(secret));
        }
    }

    /**
     * Masks each occurrence of the secret that stands as a whole token: not touching a letter, a digit,
     * '-' or '_' on either side. So a password that happens to be "file" no longer turns the shell's own
     * "--password-file" into "--password-***", while the value quoted, assigned ({@code secret=...}),
     * between spaces or before a full stop is still masked, whatever its length (a 1-character secret too:
     * it is never printed as a token). A secret glued inside a longer word is not masked, which cannot
     * show the secret as a value of its own. Text alone cannot tell the shell's own word from a value that
     * happens to be the same word, so a secret that is an ordinary word is masked where that word stands
     * alone; messages made with {@code ShellException.of} avoid that: only their values reach this method.
     */
    private static String maskWholeTokens(String text, String secret) {
        StringBuilder masked = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            int end = at + secret.length();
            if (at < from || continuesWord(text, at - 1) || continuesWord(text, end)) {
                continue;
            }
            masked.append(text, from, at).append(MASK);
            from = end;
        }
        return masked.append(text, from, text.length()).toString();
    }

    private static boolean continuesWord(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = maskWholeTokens(result, secret);
        }
        result = PEM_KEY.matcher(result)
                .replaceAll("-----BEGIN $1PRIVATE KEY----- " + MASK + " -----END $1PRIVATE KEY-----");
        result = JWT.matcher(result).replaceAll("eyJ" + MASK);
        result = BEARER.matcher(result).replaceAll("$1" + MASK);
        result = INLINE_OPTION_SECRET.matcher(result).replaceAll("$1" + MASK);
        return FORM_SECRET.matcher(result).replaceAll("$1" + MASK);
    }
}

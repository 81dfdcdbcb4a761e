package dev.entrashell.auth;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the token endpoint answered during one token request, retries included, as the HTTP client saw
 * it: MSAL's exception for a 5xx or an HTML page carries neither the status nor whether it retried.
 */
final class TokenEndpointAnswers {
    /** One answer: its HTTP status and Content-Type (empty when it had none). */
    record Answer(int status, String contentType) {
        /** Entra answers JSON, refusals with 4xx: a 5xx or anything not JSON is the service failing. */
        boolean serviceFailed() {
            return status >= 500 || !contentType.toLowerCase(Locale.ROOT).contains("json");
        }

        boolean html() {
            return contentType.toLowerCase(Locale.ROOT).contains("html");
        }
    }

    private final List<Answer> answers = new CopyOnWriteArrayList<>(); // written on MSAL's thread

    void clear() {
        answers.clear();
    }

    void add(int status, String contentType) {
        answers.add(new Answer(status, contentType == null ? "" : contentType));
    }

    List<Answer> list() {
        return List.copyOf(answers);
    }
}

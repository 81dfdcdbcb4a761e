package dev.entrashell.auth;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.aad.msal4j.MsalServiceException;

import dev.entrashell.errors.ShellException;
import dev.entrashell.net.NetworkErrors;
import dev.entrashell.session.Environment;

/**
 * Turns what MSAL throws into one line: the AADSTS code and Entra's own first sentence, then what to do.
 * Entra's trace and correlation ids stay out of the line (they are in {@code --debug}).
 */
final class AuthErrors {
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    private AuthErrors() {}

    /** @param answers what the token endpoint answered to this request, retries included */
    static ShellException translate(
            Throwable failure, Environment environment, List<TokenEndpointAnswers.Answer> answers) {
        if (!answers.isEmpty() && answers.get(answers.size() - 1).serviceFailed()) {
            return serviceFailure(failure, answers);
        }
        if (failure instanceof MsalServiceException service) {
            return fromService(service);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return NetworkErrors.explain(io, environment.login(), environment.name());
            }
        }
        return new ShellException("Sign-in failed: " + firstLine(String.valueOf(failure.getMessage())), failure);
    }

    /**
     * Managed identity failures: the service's message (IMDS and App Service answer {@code error} and
     * {@code error_description}, not AADSTS codes) plus which source MSAL chose, since a host without a
     * managed identity is the usual cause.
     */
    static ShellException translateManagedIdentity(Throwable failure, String source) {
        if (failure instanceof MsalServiceException service) {
            return new SignInRefusedException(
                    "Managed identity sign-in failed (" + source + ", " + service.errorCode()
                            + (service.statusCode() == null ? "" : ", HTTP " + service.statusCode()) + "): "
                            + firstLine(String.valueOf(service.getMessage()))
                            + " Hint: check that this host has the managed identity (and, for a user-assigned one, the id you gave).",
                    service);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return new ShellException(
                        "Managed identity endpoint (" + source + ") cannot be reached: " + cause.getMessage()
                                + ". --identity works on Azure hosts (VMs, App Service, Functions, Arc, Cloud Shell) only.",
                        failure);
            }
        }
        return new ShellException(
                "Managed identity sign-in failed (" + source + "): " + firstLine(String.valueOf(failure.getMessage())),
                failure);
    }

    private static SignInRefusedException fromService(MsalServiceException service) {
        String description = firstLine(String.valueOf(service.getMessage()));
        Matcher code = AADSTS.matcher(description);
        StringBuilder line = new StringBuilder("Sign-in refused by Entra ID (")
                .append(service.errorCode())
                .append(service.statusCode() == null ? "" : ", HTTP " + service.statusCode())
                .append("): ")
                .append(description);
        if (code.find()) {
            AadstsHints.hint(Integer.parseInt(code.group(1)))
                    .ifPresent(hint -> line.append(" Hint: ").append(hint));
        }
        return new SignInRefusedException(line.toString(), service);
    }

    /**
     * Entra refuses with a JSON body and a 4xx; a 5xx, or an answer that is not JSON (a proxy's or a
     * gateway's HTML page), is the service failing, whatever MSAL made of it.
     */
    private static ShellException serviceFailure(Throwable failure, List<TokenEndpointAnswers.Answer> answers) {
        TokenEndpointAnswers.Answer last = answers.get(answers.size() - 1);
        long failed = answers.stream()
                .filter(TokenEndpointAnswers.Answer::serviceFailed)
                .count();
        String answer = last.html()
                ? "answered with an HTML page where Entra ID answers JSON (a proxy's or gateway's page?)"
                : last.contentType().isEmpty() ? "answered with no JSON" : "answered " + last.contentType();
        return new ShellException(
                "The sign-in service failed (HTTP " + last.status() + "): it " + answer
                        + (failed > 1 ? ", " + failed + " times (MSAL retried)" : "")
                        + ". This is not a refusal of the app: try again later, and if it lasts, check the "
                        + "environment's login endpoint and any proxy in between.",
                failure);
    }

    /** Entra appends "Trace ID: ... Correlation ID: ... Timestamp: ..." on further lines; keep the message. */
    static String firstLine(String description) {
        String text = description.replace("\r", "");
        int traceAt = text.indexOf("\nTrace ID:");
        if (traceAt < 0) {
            traceAt = text.indexOf(" Trace ID:");
        }
        if (traceAt >= 0) {
            text = text.substring(0, traceAt);
        }
        return text.replace('\n', ' ').trim();
    }
}

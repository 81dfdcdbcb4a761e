package dev.entrashell.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import dev.entrashell.errors.ShellException;

/** Turns a failed connection into one line that says which endpoint, what went wrong and what to try. */
public final class NetworkErrors {
    private static final Pattern SUBJECT_ALT_NAMES = Pattern.compile("subjectAltNames: \\[([^\\]]*)\\]");

    private NetworkErrors() {}

    public static ShellException explain(Throwable failure, URI endpoint, String environment) {
        String where = endpoint.getScheme() + "://" + endpoint.getAuthority();
        Throwable cause = rootCause(failure);
        if (failure instanceof SSLException
                || cause instanceof CertificateException
                || cause instanceof CertPathValidatorException) {
            return new ShellException(
                    "TLS failed with " + where + ": " + tlsProblem(failure, cause, endpoint, environment), failure);
        }
        if (cause instanceof UnknownHostException) {
            return new ShellException(
                    "Cannot resolve host " + endpoint.getHost() + " (" + where + "): check the "
                            + "environment's endpoints and this machine's DNS or proxy.",
                    failure);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new ShellException(
                    "Cannot connect to " + where + ": " + cause.getMessage() + ". Check that the "
                            + "endpoint is right and reachable from here.",
                    failure);
        }
        if (cause instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return new ShellException(
                    "No answer from " + where + " in time; try again, or allow more with connect --timeout SECONDS.",
                    failure);
        }
        return new ShellException("Request to " + where + " failed: " + cause, failure);
    }

    /** Why, and what to do: trusting a CA helps only when the CA is what is missing. */
    private static String tlsProblem(Throwable failure, Throwable cause, URI endpoint, String environment) {
        String message = String.valueOf(cause.getMessage());
        Optional<X509Certificate> expired = expiredCertificate(failure);
        if (expired.isPresent()) {
            return "the server's certificate expired on "
                    + expired.get().getNotAfter().toInstant()
                    + "; its owner must renew it (check this machine's clock too).";
        }
        if (message.contains("expired") || message.contains("NotAfter")) {
            return "the server's certificate has expired ("
                    + message.lines().findFirst().orElse("")
                    + "); its owner must renew it (check this machine's clock too).";
        }
        if (cause instanceof SSLPeerUnverifiedException || message.contains("No subject alternative")) {
            return "the server's certificate is not for the host name " + endpoint.getHost() + certifiedNames(message)
                    + "; check the environment's endpoint URL.";
        }
        return tlsReason(cause, message) + ". If this endpoint uses a private CA or a TLS-inspecting proxy, trust "
                + "its CA for this environment: environment add " + environment
                + " --login-endpoint URL --graph-endpoint URL --ca-file CA.pem";
    }

    /** The certificate that failed the validity check, found on the certificate path of the failure. */
    private static Optional<X509Certificate> expiredCertificate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertPathValidatorException invalid
                    && invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    && invalid.getCertPath() != null
                    && invalid.getIndex() >= 0
                    && invalid.getCertPath().getCertificates().get(invalid.getIndex()) instanceof X509Certificate c) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * OkHttp's host name failure spreads the certificate over several lines ("certificate:", "DN:",
     * "subjectAltNames: [...]"); only the names it is for are worth the one line.
     */
    private static String certifiedNames(String message) {
        Matcher names = SUBJECT_ALT_NAMES.matcher(message);
        return names.find() ? " (it is for " + names.group(1) + ")" : "";
    }

    private static String tlsReason(Throwable cause, String message) {
        if (message.contains("PKIX path building failed")
                || message.contains("unable to find valid certification path")) {
            return "the server's certificate is not signed by a CA this environment trusts";
        }
        if (cause instanceof SSLHandshakeException) {
            return "the TLS handshake failed (" + message + ")";
        }
        return message;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof IOException && cause.getCause() instanceof CertificateException) {
                return cause.getCause();
            }
            cause = cause.getCause();
        }
        return cause;
    }
}

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
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import dev.entrashell.ShellException;

/** Turns a failed connection into one line that says which endpoint, what went wrong and what to try. */
public final class NetworkErrors {
    private NetworkErrors() {}

    public static ShellException explain(Throwable failure, URI endpoint, String environment) {
        String where = endpoint.getScheme() + "://" + endpoint.getAuthority();
        Throwable cause = rootCause(failure);
        if (failure instanceof SSLException
                || cause instanceof CertificateException
                || cause instanceof CertPathValidatorException) {
            return new ShellException(
                    "TLS failed with " + where + ": " + tlsReason(cause) + ". If this endpoint uses a "
                            + "private CA or a TLS-inspecting proxy, trust its CA for this environment: environment add "
                            + environment + " --login-endpoint URL --graph-endpoint URL --ca-file CA.pem",
                    failure);
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

    private static String tlsReason(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof SSLPeerUnverifiedException || message.contains("No subject alternative")) {
            return "the server's certificate is not for this host name (" + message + ")";
        }
        if (message.contains("PKIX path building failed")
                || message.contains("unable to find valid certification path")) {
            return "the server's certificate is not signed by a CA this environment trusts";
        }
        if (message.contains("expired") || message.contains("NotAfter")) {
            return "the server's certificate has expired (" + message + ")";
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

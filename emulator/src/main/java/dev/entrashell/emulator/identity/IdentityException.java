package dev.entrashell.emulator.identity;

import dev.entrashell.emulator.token.error.AadError;

/**
 * A managed identity token request refused: stops the endpoint at the first failed check, and
 * {@link IdentityErrors} turns it into the answer. Each endpoint refuses in its own service's shape,
 * which the factories name.
 */
final class IdentityException extends Exception {
    /** Whose error body the answer carries. */
    enum Shape {
        /** No body, {@code Allow: GET}: both endpoints answer only GET. */
        METHOD_NOT_ALLOWED,
        /** IMDS's {@code {"error","error_description"}}. */
        IMDS,
        /** IMDS's versioning error with its newest versions. */
        IMDS_API_VERSION,
        /** Entra's own error body, which IMDS passes through. */
        ENTRA,
        /** App Service's {@code {"statusCode","message","correlationId"}}. */
        APP_SERVICE
    }

    private final Shape shape;
    private final int status;
    private final transient AadError entraError;

    private IdentityException(Shape shape, int status, String message, AadError entraError) {
        super(message, null, false, false);
        this.shape = shape;
        this.status = status;
        this.entraError = entraError;
    }

    static IdentityException methodNotAllowed() {
        return new IdentityException(Shape.METHOD_NOT_ALLOWED, 405, "only GET is served", null);
    }

    /** IMDS's 400 {@code invalid_request} with this description. */
    static IdentityException imds(String description) {
        return new IdentityException(Shape.IMDS, 400, description, null);
    }

    static IdentityException imdsApiVersion() {
        return new IdentityException(
                Shape.IMDS_API_VERSION,
                400,
                "Bad request. api-version is invalid or was not specified in the request. For more information refer"
                        + " to aka.ms/azureimds",
                null);
    }

    /** What Entra refused, passed through by IMDS with a 400. */
    static IdentityException entra(AadError error) {
        return new IdentityException(Shape.ENTRA, 400, error.message(), error);
    }

    static IdentityException appService(int status, String message) {
        return new IdentityException(Shape.APP_SERVICE, status, message, null);
    }

    Shape shape() {
        return shape;
    }

    int status() {
        return status;
    }

    /** Entra's error, for {@link Shape#ENTRA}; null otherwise. */
    AadError entraError() {
        return entraError;
    }
}

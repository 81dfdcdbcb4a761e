package dev.entrashell.emulator;

import java.net.http.HttpResponse;

import com.google.gson.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a token endpoint error has Entra's shape: status, error, code, and the per-request fields. */
final class AadErrorAssert {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z";

    private AadErrorAssert() {}

    /** Returns the error_description, for further checks. */
    static String assertAadError(HttpResponse<String> response, int status, String error, int code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonObject body = TestClient.json(response);
        assertThat(body.get("error").getAsString()).as(response.body()).isEqualTo(error);
        assertThat(body.getAsJsonArray("error_codes").get(0).getAsInt())
                .as(response.body())
                .isEqualTo(code);
        String description = body.get("error_description").getAsString();
        assertThat(description).startsWith("AADSTS" + code + ": ");
        assertThat(body.get("trace_id").getAsString()).matches(GUID);
        assertThat(body.get("correlation_id").getAsString()).matches(GUID);
        assertThat(body.get("timestamp").getAsString()).matches(TIMESTAMP);
        assertThat(body.get("error_uri").getAsString()).endsWith("/error?code=" + code);
        assertThat(description)
                .contains("\r\nTrace ID: " + body.get("trace_id").getAsString())
                .contains("\r\nCorrelation ID: " + body.get("correlation_id").getAsString())
                .contains("\r\nTimestamp: " + body.get("timestamp").getAsString());
        return description;
    }
}

package dev.entrashell.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    /** Registered secrets, JWTs, bearer headers, secret form fields and PEM keys are all masked. */
    @Test
    void masksEveryKindOfSecret() {
        Redactor redactor = new Redactor();
        redactor.register("hunter2-password");
        String text = "pw=hunter2-password token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl "
                + "Authorization: Bearer abc.def client_secret=s3cr3t&scope=x "
                + "-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----";
        String redacted = redactor.redact(text);
        assertThat(redacted)
                .doesNotContain("hunter2-password", "eyJzdWIiOiJ4In0", "abc.def", "s3cr3t", "MIIEv")
                .contains("scope=x", "Bearer ***", "client_secret=***");
    }

    /** Ordinary text passes unchanged. */
    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(new Redactor().redact("Graph error 404 on GET /v1.0/users/x"))
                .isEqualTo("Graph error 404 on GET /v1.0/users/x");
    }
}

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

    /**
     * picocli quotes a line's options in its messages ({@code --debug} traces them), before the shell has
     * read, and so registered, an inline secret; the sentences that name the options stay whole.
     */
    @Test
    void masksSecretOptionValuesAsPicocliQuotesThem() {
        Redactor redactor = new Redactor();
        String message = "Error: expected only one match but got [--thumbprint=HEX | ...]={--secret=hunter2,xyz"
                + " --client-secret='two words'} and [...]={--access-token=eyJabc --password=p@ss}";
        assertThat(redactor.redact(message))
                .doesNotContain("hunter2", "xyz", "two words", "eyJabc", "p@ss")
                .contains("{--secret=*** --client-secret=***}", "--access-token=*** --password=***}");
        assertThat(redactor.redact("--secret is empty: give the client secret's value."))
                .isEqualTo("--secret is empty: give the client secret's value.");
        assertThat(redactor.redact("Give --secret, --secret-file FILE or --secret-env VARIABLE."))
                .isEqualTo("Give --secret, --secret-file FILE or --secret-env VARIABLE.");
    }

    /** Ordinary text passes unchanged. */
    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(new Redactor().redact("Graph error 404 on GET /v1.0/users/x"))
                .isEqualTo("Graph error 404 on GET /v1.0/users/x");
    }

    /** A secret that equals one of the shell's words is masked where it stands alone, not inside option names. */
    @Test
    void masksWholeTokensOnly() {
        Redactor redactor = new Redactor();
        redactor.register("file");
        assertThat(redactor.redact("Check the password given to --password-file (file: 'file')."))
                .isEqualTo("Check the password given to --password-file (***: '***').");
        assertThat(redactor.redact("profile filed file.")).isEqualTo("profile filed ***.");
    }

    /** However short, a registered secret never shows as a token of its own. */
    @Test
    void masksShortSecretsAsTokens() {
        Redactor redactor = new Redactor();
        redactor.register("x9");
        assertThat(redactor.redact("secret=x9&y, value 'x9', x99 ax9")).isEqualTo("secret=***&y, value '***', x99 ax9");
        redactor.register("a~b.c");
        assertThat(redactor.redact("[a~b.c]")).isEqualTo("[***]");
    }
}

package dev.entrashell.repl;

import org.junit.jupiter.api.Test;

import dev.entrashell.session.Redactor;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHistoryTest {

    /** Inline secret values and registered secrets never reach history; the rest of the line does. */
    @Test
    void masksSecretsInLines() {
        Redactor redactor = new Redactor();
        redactor.register("pfx-pass-123");
        SafeHistory history = new SafeHistory(redactor);
        assertThat(history.sanitize("connect --tenant-id t --client-id c --secret=abc~DEF123"))
                .isEqualTo("connect --tenant-id t --client-id c --secret=***");
        assertThat(history.sanitize("connect --password 'my pw' --certificate a.pfx"))
                .isEqualTo("connect --password *** --certificate a.pfx");
        assertThat(history.sanitize("echo pfx-pass-123")).isEqualTo("echo ***");
        assertThat(history.sanitize("get /users")).isEqualTo("get /users");
        assertThat(history.sanitize("connect --access-token not.a-registered.token --no-welcome"))
                .isEqualTo("connect --access-token *** --no-welcome");
        assertThat(history.sanitize("connect --access-token \"Bearer x.y.z\"")).isEqualTo("connect --access-token ***");
        assertThat(history.sanitize("connect --ACCESS-TOKEN=abc.def.ghi")).isEqualTo("connect --ACCESS-TOKEN=***");
        assertThat(history.sanitize("connect --access-token --environment Emu"))
                .as("the prompting form: the next option is not a value")
                .isEqualTo("connect --access-token --environment Emu");
        assertThat(history.sanitize("connect --tenant-id t --client-id c --secret --no-welcome"))
                .isEqualTo("connect --tenant-id t --client-id c --secret --no-welcome");
        assertThat(history.sanitize("connect --access-token-file token.json --access-token-env T"))
                .as("file and variable names are not secrets")
                .isEqualTo("connect --access-token-file token.json --access-token-env T");
    }
}
